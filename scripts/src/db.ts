import "reflect-metadata";
import { createLogger, readConfig } from "@scg/shared";
import { databaseOwners } from "./subgraph-registry.js";

/**
 * `npm run db:migrate` and `npm run db:seed` for production use: every subgraph's migrations
 * (and, for seed, its idempotent importer) against DATABASE_URL, in dependency order.
 */
async function main() {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") throw new Error('Usage: db.js migrate|seed');
  const config = readConfig((read) => ({ databaseUrl: read.url("DATABASE_URL", read.required("DATABASE_URL"), ["postgres:", "postgresql:"]) }));
  const log = createLogger("db", process.env.LOG_LEVEL ?? "info");
  for (const { name, prepareDatabase } of databaseOwners()) {
    const report = await prepareDatabase(config.databaseUrl, { seed: command === "seed" }, log);
    log.info({ report }, `${name}: ${command} done`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
