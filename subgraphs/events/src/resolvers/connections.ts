import { ConnectionType } from "@scg/shared";
import { Event } from "../entities/event.entity.js";

export const EventConnection = ConnectionType(Event, "Event");
