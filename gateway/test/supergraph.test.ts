import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeSupergraph } from "../../scripts/src/compose-supergraph";

const root = join(__dirname, "..", "..");

describe("committed schemas", () => {
  it("gateway/supergraph.graphql and every subgraph's schema.graphql match the code (run `npm run compose` if not)", async () => {
    const { supergraphSdl, subgraphs } = await composeSupergraph();
    expect(subgraphs.map((s) => s.name)).toContain("directory");
    for (const { name, sdl } of subgraphs) {
      expect({ name, sdl: readFileSync(join(root, "subgraphs", name, "schema.graphql"), "utf8").trim() }).toEqual({ name, sdl: sdl.trim() });
    }
    expect(readFileSync(join(root, "gateway", "supergraph.graphql"), "utf8").trim()).toBe(supergraphSdl.trim());
  });
});
