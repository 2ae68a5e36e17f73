import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../subgraph-registry.js";

const texts = new Map<string, string>();

/** A contract operation's text (gateway/operations/<name>.graphql), comments removed. */
export function operationText(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(join(ROOT, "gateway", "operations", `${name}.graphql`), "utf8").replace(/^#.*$/gm, "").trim();
    texts.set(name, text);
  }
  return text;
}

/**
 * One fixed request (the identical-request extra: `npm run bench -- --identical`): a contract
 * operation with its variables, and its subgraph-only baseline.
 */
export interface Scenario {
  name: string;
  operation: string;
  variables: Record<string, unknown>;
  /** The part of the operation one subgraph answers alone, sent straight to it (federation's floor). */
  baseline: { subgraph: string; query: string; variables: Record<string, unknown> } | null;
}

export const SCENARIOS: Scenario[] = [
  {
    name: "CommunityProfile (large: Honolulu, 34 partners)",
    operation: "CommunityProfile",
    variables: { slug: "honolulu-hi-us" },
    baseline: {
      subgraph: "directory",
      query: `query($slug: String!) { community(slug: $slug) { id slug name kind region regionCode country { code name region } location { latitude longitude } organizations { name activeAreas ageGroups } } }`,
      variables: { slug: "honolulu-hi-us" },
    },
  },
  {
    name: "CommunityProfile (small: Kilkenny MN, 1 partner)",
    operation: "CommunityProfile",
    variables: { slug: "kilkenny-mn-us" },
    baseline: null,
  },
  {
    name: "CountryPartnerships (JP, first 20)",
    operation: "CountryPartnerships",
    variables: { code: "JP", first: 20 },
    baseline: {
      subgraph: "partnerships",
      query: `query($code: ID!) { partnerships(filter: { countryCode: $code }, first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status establishedYear communities { id } } } } }`,
      variables: { code: "JP" },
    },
  },
  {
    name: "DirectorySearch (US, \"san\", first 20)",
    operation: "DirectorySearch",
    variables: { filter: { countryCode: "US", search: "san" }, first: 20 },
    baseline: {
      subgraph: "directory",
      query: `query($filter: CommunityFilter, $first: Int) { communities(filter: $filter, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id slug name kind regionCode country { code name } } } } }`,
      variables: { filter: { countryCode: "US", search: "san" }, first: 20 },
    },
  },
  {
    name: "PartnershipMap (first 500)",
    operation: "PartnershipMap",
    variables: { first: 500 },
    baseline: {
      subgraph: "partnerships",
      query: `query { partnerships(filter: { status: [ACTIVE] }, first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { node { id communities { id } } } } }`,
      variables: {},
    },
  },
  {
    name: "UpcomingEvents (from 2026, first 20)",
    operation: "UpcomingEvents",
    variables: { filter: { from: "2026-01-01T00:00:00Z" }, first: 20 },
    baseline: {
      subgraph: "events",
      query: `query($filter: EventFilter, $first: Int) { events(filter: $filter, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title kind startsAt endsAt capacity seatsLeft host { id } } } } }`,
      variables: { filter: { from: "2026-01-01T00:00:00Z" }, first: 20 },
    },
  },
];
