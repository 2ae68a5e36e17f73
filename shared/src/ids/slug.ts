/** Letters that Unicode normalization does not split into a base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h",
};

/**
 * Folds text for comparison and search: lowercase, diacritics removed (`Pécs` → `pecs`,
 * `Tromsø` → `tromso`). Used for slugs and for the stored search column, so that a search for
 * "pecs" finds Pécs without a database extension.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæœøłđðþıħ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/** Lowercase ASCII words joined by `-`. */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A community's slug (DESIGN.md): its name, then the region code for US communities, then
 * the country code: `seattle-wa-us`, `maui-county-hi-us`, `kobe-jp`, `tokyo-shibuya-jp`.
 */
export function communitySlug(name: string, countryCode: string, regionCode?: string | null): string {
  const parts = [slugify(name)];
  if (countryCode.toUpperCase() === "US" && regionCode) parts.push(slugify(regionCode));
  parts.push(countryCode.toLowerCase());
  return parts.join("-");
}
