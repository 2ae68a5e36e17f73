import { ConnectionType } from "@scg/shared";
import { Partnership } from "../entities/partnership.entity.js";

export const PartnershipConnection = ConnectionType(Partnership, "Partnership");
