import { entityLookupFor, type ServiceConfig } from "@scg/shared";
import type { ProgramLookup } from "../domain/event-references.js";

/** The programs subgraph, asked through its federation entry point whether a program exists. */
export function createProgramsClient(config: ServiceConfig): ProgramLookup {
  const lookup = entityLookupFor(config, "programs");
  return {
    async exists(programId, identity) {
      const [program] = await lookup([{ __typename: "Program", id: programId }], "... on Program { id }", identity);
      return program !== null;
    },
  };
}
