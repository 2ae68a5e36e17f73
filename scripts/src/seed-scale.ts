import "reflect-metadata";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { createLogger, DEVELOPMENT_DATABASE_URL, readConfig } from "@scg/shared";
import { generateSyntheticNetwork, MAX_SYNTHETIC_FACTOR, type SyntheticImportReport } from "@scg/shared/data";
import { syntheticSeeders } from "./subgraph-registry.js";

const USAGE = `Usage: npm run seed:scale -- --factor <1–${MAX_SYNTHETIC_FACTOR}>
Adds synthetic communities, partnerships, programs, exchanges and events (provenance SYNTHETIC) to the
database in DATABASE_URL (development: the embedded database of a running \`npm start\`), about (factor − 1) times
the real data, shaped like it. Run \`npm run db:migrate\` and \`npm run db:seed\` first. Re-running adds nothing;
a larger factor adds only what a smaller one has not.`;

/** Parses `--factor`: a whole number from 1 to MAX_SYNTHETIC_FACTOR, with a sentence naming the value otherwise. */
export function parseFactor(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { factor: { type: "string" } } });
  if (values.factor === undefined) throw new Error(`--factor is required.\n${USAGE}`);
  const factor = Number(values.factor);
  if (!/^\d+$/.test(values.factor) || factor < 1 || factor > MAX_SYNTHETIC_FACTOR) {
    throw new Error(`--factor must be a whole number from 1 to ${MAX_SYNTHETIC_FACTOR}, but is "${values.factor}".\n${USAGE}`);
  }
  return factor;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * `npm run seed:scale -- --factor 10`: generates the synthetic network once, then has each
 * subgraph import its own part of it through its own module (one transaction per subgraph),
 * in dependency order, and prints the rows added per table and the time taken.
 */
async function main() {
  const factor = parseFactor(process.argv.slice(2));
  const { databaseUrl } = readConfig((read) => ({ databaseUrl: read.url("DATABASE_URL", DEVELOPMENT_DATABASE_URL, ["postgres:", "postgresql:"]) }));
  const log = createLogger("seed-scale", process.env.LOG_LEVEL ?? "info");
  const started = performance.now();

  let step = performance.now();
  const network = generateSyntheticNetwork(factor);
  const exchanges = network.programs.reduce((sum, p) => sum + p.exchanges.length, 0);
  log.info(
    `factor ${factor}: generated ${network.communities.length} communities, ${network.partnerships.length} partnerships, ` +
      `${network.programs.length} programs and ${exchanges} exchanges in ${seconds(step)}`,
  );

  const rows: { table: string; rows: number; added: number; time: string }[] = [];
  for (const { name, seedSynthetic } of syntheticSeeders()) {
    step = performance.now();
    const report: SyntheticImportReport = await seedSynthetic(databaseUrl, factor, log, network);
    const time = seconds(step);
    for (const [table, counts] of Object.entries(report)) rows.push({ table, ...counts, time });
    log.info(`${name}: done in ${time}`);
  }

  // Fresh planner statistics: after a bulk load the planner's row estimates are far off (it picked a
  // country-index bitmap over 104,000 rows instead of the trigram index over 9,000 at factor 100).
  const analyze = new Client({ connectionString: databaseUrl });
  await analyze.connect();
  await analyze.query("ANALYZE");
  await analyze.end();

  const width = Math.max(...rows.map((r) => r.table.length), 5);
  const line = (cells: string[]) => console.log(`${cells[0].padEnd(width)}  ${cells.slice(1).map((c) => c.padStart(10)).join("  ")}`);
  console.log(`\nseed:scale --factor ${factor}: synthetic rows per table (every one of provenance SYNTHETIC)\n`);
  line(["table", "synthetic", "added", "time"]);
  for (const r of rows) line([r.table, String(r.rows), String(r.added), r.time]);
  const added = rows.reduce((sum, r) => sum + r.added, 0);
  console.log(`\n${added} rows added in ${seconds(started)}${added === 0 ? " (nothing new: this factor was seeded already)" : ""}.`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
