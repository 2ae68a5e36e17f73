import { createDataSource, type DataSourceSettings } from "@scg/shared";
import { Exchange } from "./entities/exchange.entity.js";
import { NetworkProgram } from "./entities/network-program.entity.js";
import { Program } from "./entities/program.entity.js";
import { CreatePrograms1764316800000 } from "./migrations/1764316800000-create-programs.js";
import { Provenance1764489600000 } from "./migrations/1764489600000-provenance.js";
import { ProgramTitleOrder1764576000000 } from "./migrations/1764576000000-program-title-order.js";

/** The programs subgraph's Postgres schema: its tables and its migrations table live there. */
export const PROGRAMS_SCHEMA = "programs";

export const programsEntities = [Program, Exchange, NetworkProgram];
export const programsMigrations = [CreatePrograms1764316800000, Provenance1764489600000, ProgramTitleOrder1764576000000];

export function createProgramsDataSource(url: string, options: DataSourceSettings = {}) {
  return createDataSource({ url, schema: PROGRAMS_SCHEMA, entities: programsEntities, migrations: programsMigrations, ...options });
}
