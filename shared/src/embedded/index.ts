// @scg/shared/embedded: the embedded Postgres (PGlite) that `npm start` and `npm test` use when
// DATABASE_URL is unset. Services connect to it like to any server; they never load this module.
export * from "./embedded-postgres.js";
