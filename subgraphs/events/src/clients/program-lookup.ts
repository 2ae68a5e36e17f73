import { createSubgraphClient, type Identity, type ServiceConfig } from "@scg/shared";

/** Asks the programs subgraph whether a program exists, before an event is tied to it. */
export interface ProgramLookup {
  exists(programId: string, identity: Identity | null): Promise<boolean>;
}

const ENTITIES = `query EventProgram($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Program { id } }
}`;

export function createProgramLookup(config: Pick<ServiceConfig, "subgraphUrls" | "internalSecret" | "subgraphTimeoutMs">): ProgramLookup {
  const query = createSubgraphClient({
    caller: "events", target: "programs", url: config.subgraphUrls.programs, internalSecret: config.internalSecret, timeoutMs: config.subgraphTimeoutMs,
  });
  return {
    async exists(programId, identity) {
      const answer = await query<{ _entities: ({ id: string } | null)[] }>(ENTITIES, { representations: [{ __typename: "Program", id: programId }] }, identity);
      return answer._entities[0] != null;
    },
  };
}
