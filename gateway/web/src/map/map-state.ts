/** What the map shows, as its URL says it (`?country=JP&state=WA&community=seattle-wa-us`). */
export interface MapState {
  /** Partner country (ISO code). */
  country: string | null;
  /** US state (USPS code). */
  state: string | null;
  /** Partner's world region ("Asia"). */
  region: string | null;
  /** Partnership status ("ACTIVE"). */
  status: string | null;
  /** Focus area ("EDUCATIONAL_EXCHANGES"). */
  focus: string | null;
  /** The community whose panel is open (slug). */
  community: string | null;
}

export type FilterName = Exclude<keyof MapState, "community">;
export const FILTER_NAMES: readonly FilterName[] = ["country", "state", "region", "status", "focus"];

/** The state a URL's query says; unknown parameters are ignored, values trimmed, codes upper-cased. */
export function readMapState(search: string): MapState {
  const params = new URLSearchParams(search);
  const value = (name: string, upper = true) => {
    const raw = params.get(name)?.trim();
    if (!raw) return null;
    return upper ? raw.toUpperCase() : raw;
  };
  return {
    country: value("country"),
    state: value("state"),
    region: value("region", false),
    status: value("status"),
    focus: value("focus"),
    community: value("community", false)?.toLowerCase() ?? null,
  };
}

/** The query string for a state (only what is set, in a fixed order), so URLs are shareable and stable. */
export function writeMapState(state: MapState): string {
  const params = new URLSearchParams();
  for (const name of [...FILTER_NAMES, "community"] as const) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The PartnershipFilter a state asks for, leaving out `without` (for that filter's own counts). */
export function partnershipFilter(state: MapState, without?: FilterName): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const use = (name: FilterName) => name !== without && state[name];
  if (use("country")) filter.partnerCountryCode = state.country;
  // A state is a US state: the US side must be in it.
  if (use("state")) Object.assign(filter, { countryCode: "US", regionCode: state.state });
  if (use("region")) filter.worldRegion = state.region;
  if (use("status")) filter.status = [state.status];
  if (use("focus")) filter.focusAreas = [state.focus];
  return filter;
}
