/**
 * Turns the data's `source` column into a sentence a reader can follow: `enwiki-list:Japan`
 * becomes the title of the English Wikipedia list page it names. Several sources are joined
 * with "; ". Citations of manual facts (`fact:…`) are kept as they are, without the prefix.
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
  if (list) {
    const page = list[1].trim();
    return page === "United States"
      ? 'English Wikipedia, "List of sister cities in the United States"'
      : `English Wikipedia, "List of twin towns and sister cities in ${page}"`;
  }
  const fact = /^fact:(.+)$/.exec(part);
  return fact ? fact[1].trim() : part;
}

/** The readable, de-duplicated sources of one or more rows (merged rows join their sources). */
export function describeSources(sources: readonly string[]): string {
  const parts: string[] = [];
  for (const source of sources) for (const part of splitSources(source)) if (!parts.includes(part)) parts.push(part);
  return parts.map(describeSource).join("; ");
}
