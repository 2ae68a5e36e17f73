/** The `Date` scalar parses to a JavaScript Date at UTC midnight; the domain works with "YYYY-MM-DD". */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
