import { parse as parseUuid, v5 as uuidv5 } from "uuid";
import { slugify } from "./slug.js";

/**
 * Every id in the graph is a UUID v5 of a natural key under this namespace, so the same
 * community, partnership or program gets the same id on every import and in every subgraph,
 * without the subgraphs sharing a database. Never change it: every stored reference would break.
 */
export const ID_NAMESPACE = "6f1a3e9c-5b2d-4c8e-9a7f-2d1e0b3c4a5f";

/** The namespace parsed once (uuid would parse the string form on every call). */
const NAMESPACE_BYTES = parseUuid(ID_NAMESPACE);

export function stableId(kind: string, naturalKey: string): string {
  return uuidv5(`${kind}:${naturalKey}`, NAMESPACE_BYTES);
}

export const communityId = (slug: string) => stableId("community", slug);
export const organizationId = (slug: string) => stableId("organization", slug);

/** A partnership between two communities; the order of the two slugs does not matter. */
export function partnershipId(slugA: string, slugB: string): string {
  return stableId("partnership", [slugA, slugB].sort().join("|"));
}

/**
 * A program's id: derived from its partnership, title and start date, so the importer and
 * `createProgram` agree (creating the same program twice is a conflict, not a duplicate row).
 */
export function programId(partnership: string, title: string, startsOn: string): string {
  return stableId("program", `${partnership}|${slugify(title)}|${startsOn}`);
}

/** An exchange's id: one group leaves a community for a program on a given day at most once. */
export function exchangeId(program: string, fromCommunity: string, departsOn: string): string {
  return stableId("exchange", `${program}|${fromCommunity}|${departsOn}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
