import { createSubgraphClient, serviceUnavailable, type ServiceConfig } from "@scg/shared";

/** What createProgram needs to know about a partnership, from the partnerships subgraph. */
export interface PartnershipFacts {
  id: string;
  status: string;
  communityIds: string[];
}

/** What createProgram needs to know from the directory. */
export interface DirectoryFacts {
  /** The country of each community asked about; a community the directory does not know is absent. */
  countryCodeByCommunityId: Map<string, string>;
  /** Whether the organization asked about exists (null when none was asked about). */
  organizationExists: boolean | null;
}

/** The questions writes ask other subgraphs; tests may pass their own. */
export interface RemoteChecks {
  findPartnership(id: string): Promise<PartnershipFacts | null>;
  askDirectory(communityIds: string[], organizationId: string | null): Promise<DirectoryFacts>;
}

const PARTNERSHIP_QUERY = `query ProgramsPartnershipCheck($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Partnership { id status communities { id } } }
}`;

const DIRECTORY_QUERY = `query ProgramsDirectoryCheck($communities: [_Any!]!, $organizationId: ID!, $withOrganization: Boolean!) {
  _entities(representations: $communities) { ... on Community { id country { code } } }
  organization(id: $organizationId) @include(if: $withOrganization) { id }
}`;

type Config = Pick<ServiceConfig, "serviceName" | "subgraphUrls" | "internalSecret" | "subgraphTimeoutMs">;

/**
 * Asks the partnerships and directory subgraphs through their APIs (never their tables), with the
 * internal credential and a timeout: an unreachable or failing subgraph is SERVICE_UNAVAILABLE,
 * and so is an answer of the wrong shape.
 */
export function createRemoteChecks(config: Config): RemoteChecks {
  const client = (target: string) =>
    createSubgraphClient({
      caller: config.serviceName,
      target,
      url: config.subgraphUrls[target],
      internalSecret: config.internalSecret,
      timeoutMs: config.subgraphTimeoutMs,
    });
  const partnerships = client("partnerships");
  const directory = client("directory");
  const malformed = (target: string) => serviceUnavailable(`The ${target} service gave an answer this service cannot read; please try again shortly.`);

  return {
    async findPartnership(id) {
      const data = await partnerships<{ _entities?: unknown[] }>(PARTNERSHIP_QUERY, { representations: [{ __typename: "Partnership", id }] });
      const entity = data._entities?.[0] as { id?: unknown; status?: unknown; communities?: { id?: unknown }[] } | null | undefined;
      if (!Array.isArray(data._entities) || data._entities.length !== 1) throw malformed("partnerships");
      if (entity === null || entity === undefined) return null;
      if (typeof entity.id !== "string" || typeof entity.status !== "string" || !Array.isArray(entity.communities)) throw malformed("partnerships");
      const communityIds = entity.communities.map((c) => c?.id);
      if (!communityIds.every((c): c is string => typeof c === "string")) throw malformed("partnerships");
      return { id: entity.id, status: entity.status, communityIds };
    },

    async askDirectory(communityIds, organizationId) {
      const data = await directory<{ _entities?: ({ id?: string; country?: { code?: string } } | null)[]; organization?: { id: string } | null }>(
        DIRECTORY_QUERY,
        {
          communities: communityIds.map((id) => ({ __typename: "Community", id })),
          organizationId: organizationId ?? "",
          withOrganization: organizationId !== null,
        },
      );
      if (!Array.isArray(data._entities) || data._entities.length !== communityIds.length) throw malformed("directory");
      const countryCodeByCommunityId = new Map<string, string>();
      for (const entity of data._entities) {
        if (entity?.id && entity.country?.code) countryCodeByCommunityId.set(entity.id, entity.country.code);
      }
      return { countryCodeByCommunityId, organizationExists: organizationId === null ? null : Boolean(data.organization) };
    },
  };
}
