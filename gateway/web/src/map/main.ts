// The partnership map (served at GET /map): every partnership a filter selects as an arc on a
// world map, communities sized by their partnerships, a panel per community, and a list view.
import "./map.css";
import { PersistedQueryError, persistedQuery } from "../common/persisted-query";
import { CommunityList } from "./community-list";
import { renderCommunityPanel, type CommunityProfileAnswer } from "./community-panel";
import { choicesOf, fillSelect, withFilter, type MapFacetsAnswer } from "./facet-filters";
import { FILTER_NAMES, partnershipFilter, readMapState, writeMapState, type FilterName, type MapState } from "./map-state";
import { countCommunities, loadPartnerships, type MapOperations, type MapPartnership } from "./network-data";
import { WorldMap } from "./world-map";

interface MapSettings {
  endpoint: string;
  operations: MapOperations;
}

const settings = JSON.parse(document.getElementById("settings")!.textContent!) as MapSettings;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const summary = byId<HTMLParagraphElement>("summary");
const detail = byId<HTMLParagraphElement>("detail");
const panel = byId<HTMLElement>("panel");
const panelBody = byId<HTMLElement>("panel-body");
const canvas = byId<HTMLCanvasElement>("map");
const selects = Object.fromEntries(FILTER_NAMES.map((name) => [name, byId<HTMLSelectElement>(`filter-${name}`)])) as Record<FilterName, HTMLSelectElement>;

const format = (count: number) => count.toLocaleString("en-US");
const partnershipsText = (count: number) => `${format(count)} partnership${count === 1 ? "" : "s"}`;

let state: MapState = readMapState(location.search);
let partnerships: MapPartnership[] = [];
let loading: AbortController | null = null;

const map = new WorldMap(canvas, (slug) => openCommunity(slug, true));
const list = new CommunityList(byId("list"), (slug) => openCommunity(slug, true));

function query<Data>(name: keyof MapOperations, variables: Record<string, unknown>, signal?: AbortSignal) {
  return persistedQuery<Data>({ endpoint: settings.endpoint, id: settings.operations[name], operationName: name, variables, signal });
}

function describeProblem(error: unknown): string {
  return error instanceof PersistedQueryError ? `${error.message} (${error.code})` : "The map's data could not be loaded; try again shortly.";
}

/** Loads the filters' counts and every partnership the filters select, drawing as pages arrive. */
async function load(): Promise<void> {
  loading?.abort();
  const controller = (loading = new AbortController());
  const filter = partnershipFilter(state);
  const facetVariables = {
    filter,
    forCountry: partnershipFilter(state, "country"),
    forState: partnershipFilter(state, "state"),
    forRegion: partnershipFilter(state, "region"),
    forStatus: partnershipFilter(state, "status"),
    forFocus: partnershipFilter(state, "focus"),
  };
  summary.textContent = "Loading the network…";
  detail.textContent = "";
  try {
    const [facets] = await Promise.all([
      query<MapFacetsAnswer>("MapFacets", facetVariables, controller.signal).then((answer) => {
        const choices = choicesOf(answer);
        for (const name of FILTER_NAMES) fillSelect(selects[name], choices[name].buckets, state[name], choices[name].all);
        summary.textContent = partnershipsText(answer.shown.total);
        return answer;
      }),
      loadPartnerships(
        settings.endpoint,
        settings.operations,
        filter,
        (loaded, total) => {
          partnerships = loaded;
          const communities = countCommunities(loaded);
          map.setData(loaded, communities);
          list.setData(communities);
          detail.textContent = loaded.length < total ? `Loading… ${format(loaded.length)} of ${format(total)}` : drawnText(total);
        },
        controller.signal,
      ),
    ]);
    if (controller.signal.aborted) return;
    canvas.setAttribute("aria-label", `World map of ${partnershipsText(facets.shown.total)}: arcs from each US community to its partner abroad. The list view lists the same communities.`);
    document.body.dataset.state = "ready";
  } catch (error) {
    if (controller.signal.aborted) return;
    summary.textContent = "The map could not be loaded.";
    detail.textContent = describeProblem(error);
  }
}

function drawnText(total: number): string {
  const missing = total - map.arcCount;
  return missing > 0 ? `${format(map.arcCount)} drawn; ${format(missing)} without coordinates for one side.` : `All ${format(total)} drawn.`;
}

/** Opens a community's panel: one CommunityProfile request (sister cities, programs, upcoming events). */
async function openCommunity(slug: string, push: boolean): Promise<void> {
  state = { ...state, community: slug };
  if (push) history.pushState(null, "", writeMapState(state) || location.pathname);
  map.select(slug);
  panel.hidden = false;
  panelBody.replaceChildren(Object.assign(document.createElement("p"), { textContent: "Loading…" }));
  try {
    const answer = await query<CommunityProfileAnswer>("CommunityProfile", { slug });
    if (state.community !== slug) return;
    panelBody.replaceChildren(...renderCommunityPanel(answer, slug));
    byId("panel-title")?.focus();
  } catch (error) {
    panelBody.replaceChildren(Object.assign(document.createElement("p"), { textContent: describeProblem(error) }));
  }
}

function closeCommunity(push: boolean): void {
  state = { ...state, community: null };
  if (push) history.pushState(null, "", writeMapState(state) || location.pathname);
  panel.hidden = true;
  map.select(null);
}

function applyState(next: MapState, push: boolean): void {
  const filtersChanged = FILTER_NAMES.some((name) => next[name] !== state[name]);
  state = next;
  if (push) history.replaceState(null, "", writeMapState(state) || location.pathname);
  if (filtersChanged) void load();
}

for (const name of FILTER_NAMES) {
  selects[name].addEventListener("change", () => applyState(withFilter(state, name, selects[name].value), true));
}
byId("clear").addEventListener("click", () => applyState({ ...state, country: null, state: null, region: null, status: null, focus: null }, true));
byId("panel-close").addEventListener("click", () => closeCommunity(true));
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !panel.hidden) closeCommunity(true);
});
byId("zoom-in").addEventListener("click", () => map.zoomBy(1.5));
byId("zoom-out").addEventListener("click", () => map.zoomBy(1 / 1.5));
byId("zoom-reset").addEventListener("click", () => map.reset());
for (const view of ["map", "list"] as const) {
  byId(`view-${view}`).addEventListener("click", () => {
    byId("map-view").hidden = view !== "map";
    byId("list").hidden = view !== "list";
    byId(`view-map`).setAttribute("aria-pressed", String(view === "map"));
    byId(`view-list`).setAttribute("aria-pressed", String(view === "list"));
  });
}
window.addEventListener("popstate", () => {
  const next = readMapState(location.search);
  if (next.community && next.community !== state.community) void openCommunity(next.community, false);
  else if (!next.community && state.community) closeCommunity(false);
  applyState({ ...next, community: next.community }, false);
});

void load();
if (state.community) void openCommunity(state.community, false);
