export interface CountryRecord {
  code: string;
  name: string;
  /** Continent-level world region ("Asia", "Europe", "Americas", "Africa", "Oceania", "Antarctic"). */
  region: string | null;
  subregion: string | null;
}

let byCode: Map<string, { name: { common: string }; region: string; subregion: string }> | undefined;

/**
 * Name, world region and subregion of an ISO 3166-1 alpha-2 code, from the `world-countries`
 * package (ODbL 1.0; loaded on first use, so a service that never asks does not load it).
 * `fallbackName` covers codes the package lacks (the sister-city data's own name).
 */
export function countryRecord(code: string, fallbackName: string = code): CountryRecord {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  byCode ??= new Map((require("world-countries") as { cca2: string; name: { common: string }; region: string; subregion: string }[]).map((c) => [c.cca2, c]));
  const country = byCode.get(code);
  return { code, name: country?.name.common ?? fallbackName, region: country?.region || null, subregion: country?.subregion || null };
}
