// @scg/shared: what every running service uses. One concept per module; this file only re-exports.
// Seed data, test helpers and the embedded database have entry points of their own
// (@scg/shared/data, @scg/shared/testing, @scg/shared/embedded), so a service never loads them.
export * from "./errors/app-error.js";
export * from "./errors/format-error.js";
export * from "./config/read-config.js";
export * from "./config/service-config.js";
export * from "./auth/identity.js";
export * from "./auth/internal-credential.js";
export * from "./logging/logger.js";
export * from "./ids/stable-id.js";
export * from "./ids/slug.js";
export * from "./domain/input-checks.js";
export * from "./domain/us-states.js";
export * from "./domain/sources.js";
export * from "./domain/countries.js";
export * from "./db/create-data-source.js";
export * from "./db/service-query-logger.js";
export * from "./db/database-unavailable.js";
export * from "./db/unique-violation.js";
export * from "./db/provenance-columns.js";
export * from "./db/facet-counts.js";
export * from "./loaders/key-ordered.js";
export * from "./pagination/connection.js";
export * from "./pagination/ordering.js";
export * from "./graphql/scalars.js";
export * from "./graphql/enums.js";
export * from "./graphql/cache-hints.js";
export * from "./graphql/provenance.js";
export * from "./graphql/facets.js";
export * from "./graphql/string-inputs.js";
export * from "./federation/build-subgraph-schema.js";
export * from "./clients/entity-lookup.js";
export * from "./server/start-subgraph.js";
export * from "./server/define-subgraph.js";
