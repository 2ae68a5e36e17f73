import { buildFederatedSchema, isUuid } from "@scg/shared";
import type { ProgramsContext } from "./context.js";
import { ExchangeResolver } from "./resolvers/exchange.resolver.js";
import { NetworkProgramResolver } from "./resolvers/network-program.resolver.js";
import { OrganizationProgramsResolver } from "./resolvers/organization.resolver.js";
import { PartnershipProgramsResolver } from "./resolvers/partnership.resolver.js";
import { ProgramFacetsResolver } from "./resolvers/program-facets.resolver.js";
import { ProgramResolver } from "./resolvers/program.resolver.js";

type Ref = { id: string };
const byId = <T>(load: (id: string) => Promise<T | null>) => (ref: Ref) => (isUuid(ref.id) ? load(ref.id.toLowerCase()) : null);

/** The programs subgraph schema: resolvers plus how each entity is found from its key. */
export function buildProgramsSchema() {
  return buildFederatedSchema(
    { resolvers: [ProgramResolver, ProgramFacetsResolver, ExchangeResolver, NetworkProgramResolver, PartnershipProgramsResolver, OrganizationProgramsResolver] },
    {
      Program: { __resolveReference: (ref: Ref, ctx: ProgramsContext) => byId((id) => ctx.loaders.programById.load(id))(ref) },
      Exchange: { __resolveReference: (ref: Ref, ctx: ProgramsContext) => byId((id) => ctx.loaders.exchangeById.load(id))(ref) },
      NetworkProgram: { __resolveReference: (ref: Ref, ctx: ProgramsContext) => byId((id) => ctx.loaders.networkProgramById.load(id))(ref) },
      // Stubs of other subgraphs' entities: the reference is all this subgraph knows (and needs) of them.
      Partnership: { __resolveReference: (ref: Ref) => ({ id: ref.id }) },
      Organization: { __resolveReference: (ref: Ref) => ({ id: ref.id }) },
      Community: { __resolveReference: (ref: Ref) => ({ id: ref.id }) },
    },
  );
}
