import { createDataSource, type DataSourceSettings } from "@scg/shared";
import { Partnership } from "./entities/partnership.entity.js";
import { Signature } from "./entities/signature.entity.js";
import { StatusChange } from "./entities/status-change.entity.js";
import { CreatePartnerships1764316800000 } from "./migrations/1764316800000-create-partnerships.js";
import { Provenance1764489600000 } from "./migrations/1764489600000-provenance.js";
import { SidesForOrderAndFacets1764576000000 } from "./migrations/1764576000000-sides-for-order-and-facets.js";
import { ExactCounts1764662400000 } from "./migrations/1764662400000-exact-counts.js";
import { PartnerNameOrder1764748800000 } from "./migrations/1764748800000-partner-name-order.js";

/** The partnerships subgraph's Postgres schema: its tables and its migrations table live there. */
export const PARTNERSHIPS_SCHEMA = "partnerships";

export const partnershipsEntities = [Partnership, Signature, StatusChange];
export const partnershipsMigrations = [CreatePartnerships1764316800000, Provenance1764489600000, SidesForOrderAndFacets1764576000000, ExactCounts1764662400000, PartnerNameOrder1764748800000];

export function createPartnershipsDataSource(url: string, options: DataSourceSettings = {}) {
  return createDataSource({ url, schema: PARTNERSHIPS_SCHEMA, entities: partnershipsEntities, migrations: partnershipsMigrations, ...options });
}
