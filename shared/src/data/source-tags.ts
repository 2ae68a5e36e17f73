import { FACTS_COLLECTED_ON, wikipediaList } from "../domain/sources.js";
import { imported, type Provenance } from "../graphql/provenance.js";

/**
 * The sister-city data's `source` column names where each row comes from: `enwiki-list:Japan`
 * (an English Wikipedia list page) and `fact:<citation>` (a manual fact, checked against the page
 * it cites). Several are joined with ";". These helpers turn them into sentences and provenance.
 */
export function splitSources(source: string): string[] {
  // A citation may itself contain ";", so split only where the next source starts.
  return source
    .split(/;(?=\s*(?:enwiki-list|fact):)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function describeSource(part: string): string {
  const list = /^enwiki-list:(.+)$/.exec(part);
  if (list) return wikipediaList(list[1].trim()).source;
  const fact = /^fact:(.+)$/.exec(part);
  return fact ? fact[1].trim() : part;
}

/** The readable, de-duplicated sources of one or more rows (merged rows join their sources). */
export function describeSources(sources: readonly string[]): string {
  return distinctParts(sources).map(describeSource).join("; ");
}

function distinctParts(sources: readonly string[]): string[] {
  const parts: string[] = [];
  for (const source of sources) for (const part of splitSources(source)) if (!parts.includes(part)) parts.push(part);
  return parts;
}

/**
 * Provenance of a record built from these source tags: REAL, all its sources in words, the URL
 * and licence of the first Wikipedia list (CC BY-SA 4.0) and the day the lists were retrieved;
 * a manual fact among them means a person checked the record against its page on the day the
 * facts were collected (`lastVerifiedOn`).
 */
export function provenanceOfSources(sources: readonly string[]): Provenance {
  const parts = distinctParts(sources);
  const firstList = parts.map((part) => /^enwiki-list:(.+)$/.exec(part)?.[1].trim()).find((page): page is string => Boolean(page));
  const reference = firstList ? wikipediaList(firstList) : { url: null, licence: null, retrievedOn: FACTS_COLLECTED_ON };
  const verified = parts.some((part) => part.startsWith("fact:"));
  return imported({ ...reference, source: parts.map(describeSource).join("; ") }, { lastVerifiedOn: verified ? FACTS_COLLECTED_ON : null });
}
