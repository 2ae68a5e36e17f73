import "reflect-metadata";
import { createLogger, readConfig } from "@scg/shared";
import { databaseOwners } from "./subgraph-registry.js";

/**
 * `npm run db:migrate` and `npm run db:seed [-- --sample]` against DATABASE_URL: every subgraph's
 * migrations (and, for seed, its idempotent importer of the real data) in dependency order.
 * `--sample` also loads the generated sample programs and calendar (marked SAMPLE); the production
 * profile refuses it, so production never holds a record that is not real.
 */
async function main() {
  const [command, ...flags] = process.argv.slice(2);
  if ((command !== "migrate" && command !== "seed") || flags.some((flag) => flag !== "--sample")) throw new Error("Usage: db.js migrate|seed [--sample]");
  const sample = flags.includes("--sample");
  const config = readConfig((read) => ({ databaseUrl: read.url("DATABASE_URL", read.required("DATABASE_URL"), ["postgres:", "postgresql:"]), profile: read.profile() }));
  if (sample && config.profile === "production") {
    throw new Error("--sample is refused in production (NODE_ENV=production): the production database holds real records only.");
  }
  const log = createLogger("db", process.env.LOG_LEVEL ?? "info");
  for (const { name, prepareDatabase } of databaseOwners()) {
    const report = await prepareDatabase(config.databaseUrl, { seed: command === "seed", sample }, log);
    log.info({ report }, `${name}: ${command} done`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
