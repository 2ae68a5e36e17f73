import { persistedQuery } from "../common/persisted-query";

/** One end of a partnership as the map draws it. */
export interface MapCommunity {
  slug: string;
  name: string;
  countryCode: string;
  /** [longitude, latitude]; null where the gazetteer had no coordinates. */
  position: [number, number] | null;
}

/** A partnership: the US side first (the arc starts there), the partner abroad second. */
export interface MapPartnership {
  id: string;
  status: string;
  us: MapCommunity;
  partner: MapCommunity;
}

/** The map's operations by name, each the id of a trusted operation (from the page's settings). */
export interface MapOperations {
  PartnershipMap: string;
  MapFacets: string;
  CommunityProfile: string;
}

interface PartnershipPage {
  partnerships: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; status: string; communities: { slug: string; name: string; country: { code: string }; location: { latitude: number; longitude: number } | null }[] } }[];
  };
}

/** The largest page the gateway serves: 500 partnerships per cacheable GET. */
export const PAGE_SIZE = 500;

const toCommunity = (c: PartnershipPage["partnerships"]["edges"][number]["node"]["communities"][number]): MapCommunity => ({
  slug: c.slug,
  name: c.name,
  countryCode: c.country.code,
  position: c.location ? [c.location.longitude, c.location.latitude] : null,
});

/**
 * Every partnership a filter selects, page after page (PartnershipMap, 500 per GET, each page a
 * URL a CDN can cache), calling `onPage` with all loaded so far and the total, so the map draws
 * as data arrives. Stops when `signal` aborts (the filters changed).
 */
export async function loadPartnerships(
  endpoint: string,
  operations: MapOperations,
  filter: Record<string, unknown>,
  onPage: (loaded: MapPartnership[], total: number) => void,
  signal: AbortSignal,
): Promise<MapPartnership[]> {
  const loaded: MapPartnership[] = [];
  let after: string | null = null;
  do {
    const { partnerships }: PartnershipPage = await persistedQuery<PartnershipPage>({
      endpoint,
      id: operations.PartnershipMap,
      operationName: "PartnershipMap",
      variables: { filter, first: PAGE_SIZE, after },
      signal,
    });
    for (const { node } of partnerships.edges) {
      const [a, b] = node.communities.map(toCommunity);
      const aIsUs = a.countryCode === "US" || b.countryCode !== "US";
      loaded.push({ id: node.id, status: node.status, us: aIsUs ? a : b, partner: aIsUs ? b : a });
    }
    onPage(loaded, partnerships.totalCount);
    after = partnerships.pageInfo.hasNextPage ? partnerships.pageInfo.endCursor : null;
  } while (after && !signal.aborted);
  return loaded;
}

/** A community on the map with the number of partnerships it has among those shown. */
export interface CommunityCount {
  community: MapCommunity;
  count: number;
}

/** The communities at either end of the partnerships, each with its count, largest first. */
export function countCommunities(partnerships: readonly MapPartnership[]): CommunityCount[] {
  const bySlug = new Map<string, CommunityCount>();
  for (const p of partnerships) {
    for (const community of [p.us, p.partner]) {
      const entry = bySlug.get(community.slug);
      if (entry) entry.count += 1;
      else bySlug.set(community.slug, { community, count: 1 });
    }
  }
  return [...bySlug.values()].sort((a, b) => b.count - a.count || a.community.name.localeCompare(b.community.name));
}
