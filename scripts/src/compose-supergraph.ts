import { composeServices } from "@apollo/composition";
import { DEFAULT_SUBGRAPH_PORTS } from "@scg/shared";
import { parse } from "graphql";
import { subgraphNames, subgraphSdl } from "./subgraph-registry.js";

export interface ComposedGraph {
  supergraphSdl: string;
  subgraphs: { name: string; sdl: string; url: string }[];
}

/**
 * Composes the supergraph from every subgraph's code-first schema with @apollo/composition
 * (no rover, no database, no running service). The URLs written into the supergraph are the
 * development defaults; the gateway's configuration overrides them per deployment.
 */
export async function composeSupergraph(): Promise<ComposedGraph> {
  const subgraphs = [];
  for (const name of subgraphNames()) {
    subgraphs.push({ name, sdl: await subgraphSdl(name), url: `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql` });
  }
  const result = composeServices(subgraphs.map(({ name, sdl, url }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n  - ${result.errors.map((error) => error.message).join("\n  - ")}`);
  }
  return { supergraphSdl: result.supergraphSdl, subgraphs };
}
