import { createDataSource, type DataSourceSettings } from "@scg/shared";
import { Event } from "./entities/event.entity.js";
import { Registration } from "./entities/registration.entity.js";
import { CreateEvents1764316800000 } from "./migrations/1764316800000-create-events.js";
import { Provenance1764489600000 } from "./migrations/1764489600000-provenance.js";

/** The events subgraph's Postgres schema: its tables and its migrations table live there. */
export const EVENTS_SCHEMA = "events";

export const eventsEntities = [Event, Registration];
export const eventsMigrations = [CreateEvents1764316800000, Provenance1764489600000];

export function createEventsDataSource(url: string, options: DataSourceSettings = {}) {
  return createDataSource({ url, schema: EVENTS_SCHEMA, entities: eventsEntities, migrations: eventsMigrations, ...options });
}
