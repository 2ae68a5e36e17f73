import worldCountries from "world-countries";

export interface CountryRecord {
  code: string;
  name: string;
  region: string | null;
  subregion: string | null;
}

const byCode = new Map(worldCountries.map((country) => [country.cca2, country]));

/**
 * Name, region and subregion of an ISO code, from the `world-countries` package.
 * `fallbackName` (the name the sister-city data uses) covers codes the package lacks.
 */
export function countryRecord(code: string, fallbackName: string): CountryRecord {
  const country = byCode.get(code);
  return {
    code,
    name: country?.name.common ?? fallbackName,
    region: country?.region || null,
    subregion: country?.subregion || null,
  };
}
