import { createDataSource, type DataSourceSettings } from "@scg/shared";
import { Community } from "./entities/community.entity.js";
import { Country } from "./entities/country.entity.js";
import { Organization } from "./entities/organization.entity.js";
import { CreateDirectory1764230400000 } from "./migrations/1764230400000-create-directory.js";
import { Provenance1764489600000 } from "./migrations/1764489600000-provenance.js";
import { CommunityOrder1764576000000 } from "./migrations/1764576000000-community-order.js";
import { ExactCounts1764662400000 } from "./migrations/1764662400000-exact-counts.js";

/** The directory's Postgres schema: its tables and its migrations table live there. */
export const DIRECTORY_SCHEMA = "directory";

export const directoryEntities = [Country, Community, Organization];
export const directoryMigrations = [CreateDirectory1764230400000, Provenance1764489600000, CommunityOrder1764576000000, ExactCounts1764662400000];

export function createDirectoryDataSource(url: string, options: DataSourceSettings = {}) {
  return createDataSource({ url, schema: DIRECTORY_SCHEMA, entities: directoryEntities, migrations: directoryMigrations, ...options });
}
