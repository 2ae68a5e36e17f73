import type { FilterName, MapState } from "./map-state";

export interface Bucket {
  value: string;
  label: string;
  count: number;
}

/** The MapFacets answer: what is shown, and each filter's choices counted under the other filters. */
export interface MapFacetsAnswer {
  shown: { total: number };
  countries: { total: number; byPartnerCountry: Bucket[] };
  states: { total: number; byUsState: Bucket[] };
  regions: { total: number; byWorldRegion: Bucket[] };
  statuses: { total: number; byStatus: Bucket[] };
  focusAreas: { total: number; byFocusArea: Bucket[] };
}

/** Each filter's choices in the answer, and how many partnerships "All" would show. */
export function choicesOf(answer: MapFacetsAnswer): Record<FilterName, { all: number; buckets: Bucket[] }> {
  return {
    country: { all: answer.countries.total, buckets: answer.countries.byPartnerCountry },
    state: { all: answer.states.total, buckets: answer.states.byUsState },
    region: { all: answer.regions.total, buckets: answer.regions.byWorldRegion },
    status: { all: answer.statuses.total, buckets: answer.statuses.byStatus },
    focus: { all: answer.focusAreas.total, buckets: answer.focusAreas.byFocusArea },
  };
}

const format = (count: number) => count.toLocaleString("en-US");

/**
 * Fills a filter's <select> with "All" and its choices, each saying how many partnerships it would
 * show ("Japan (321)"), in the order the facet gives (largest first; "none" is not a choice). A
 * chosen value that no longer has partnerships stays listed, with 0, so the control tells the truth.
 */
export function fillSelect(select: HTMLSelectElement, buckets: readonly Bucket[], chosen: string | null, allCount: number): void {
  const options = [new Option(`All (${format(allCount)})`, "")];
  const listed = buckets.filter((bucket) => bucket.value !== "none");
  if (chosen && !listed.some((bucket) => bucket.value === chosen)) options.push(new Option(`${chosen} (0)`, chosen));
  for (const bucket of listed) options.push(new Option(`${bucket.label} (${format(bucket.count)})`, bucket.value));
  select.replaceChildren(...options);
  select.value = chosen ?? "";
}

/** The state with one filter changed (an empty value clears it). */
export function withFilter(state: MapState, name: FilterName, value: string): MapState {
  return { ...state, [name]: value === "" ? null : value };
}
