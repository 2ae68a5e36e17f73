import { ConnectionType } from "@scg/shared";
import { Program } from "../entities/program.entity.js";

export const ProgramConnection = ConnectionType(Program, "Program");
