import "reflect-metadata";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildManifest } from "@scg/gateway";
import { composeSupergraph } from "./compose-supergraph.js";
import { ROOT } from "./subgraph-registry.js";

/** `npm run compose`: writes each subgraph's schema.graphql and gateway/supergraph.graphql. */
async function main() {
  const { supergraphSdl, subgraphs } = await composeSupergraph();
  for (const { name, sdl } of subgraphs) {
    writeFileSync(join(ROOT, "subgraphs", name, "schema.graphql"), `${sdl.trim()}\n`);
  }
  writeFileSync(join(ROOT, "gateway", "supergraph.graphql"), `${supergraphSdl.trim()}\n`);
  const operationsDir = join(ROOT, "gateway", "operations");
  const manifest = buildManifest(
    readdirSync(operationsDir).filter((f) => f.endsWith(".graphql")).map((file) => ({ file, text: readFileSync(join(operationsDir, file), "utf8") })),
  );
  writeFileSync(join(ROOT, "gateway", "persisted-operations.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.operations.length} trusted operations → gateway/persisted-operations.json`);
  console.log(`composed ${subgraphs.map((s) => s.name).join(", ")} → gateway/supergraph.graphql`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
