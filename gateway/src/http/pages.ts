import { readFileSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";
import type { TrustedOperations } from "../persisted/manifest.js";
import { pageHtml, readWebManifest, WEB_DIST } from "./web-assets.js";

/** The map's page may load its own assets and talk to this origin, nothing else. */
export const MAP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The widget's placeholder for its operation's id (gateway/web/src/widget/main.ts). */
const WIDGET_OPERATION_PLACEHOLDER = "__SCG_SISTER_CITIES_WIDGET_ID__";

export interface PagesOptions {
  trusted: TrustedOperations;
  endpoint?: string;
  webDist?: string;
}

/** The trusted operation ids a page needs, by name; a missing one is a build error, said at start-up. */
function operationIds(trusted: TrustedOperations, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const id = trusted.idOfName(name);
      if (!id) throw new Error(`The trusted operation ${name} is not in the manifest; run \`npm run compose\`.`);
      return [name, id];
    }),
  );
}

const MAP_BODY = `
<header>
  <h1>Sister Cities network map</h1>
  <p id="summary" role="status" aria-live="polite">Loading the network…</p>
  <p id="detail"></p>
</header>
<div class="controls" role="group" aria-label="Filters">
  <label>Partner country<select id="filter-country"><option value="">All</option></select></label>
  <label>US state<select id="filter-state"><option value="">All</option></select></label>
  <label>World region<select id="filter-region"><option value="">All</option></select></label>
  <label>Status<select id="filter-status"><option value="">All</option></select></label>
  <label>Focus area<select id="filter-focus"><option value="">All</option></select></label>
  <button type="button" id="clear">Clear filters</button>
  <div class="views" role="group" aria-label="View">
    <button type="button" id="view-map" aria-pressed="true">Map</button>
    <button type="button" id="view-list" aria-pressed="false">List</button>
  </div>
</div>
<main>
  <div id="map-view">
    <canvas id="map" tabindex="0" role="img" aria-label="World map of the network's partnerships"></canvas>
    <div class="zoom" role="group" aria-label="Zoom">
      <button type="button" id="zoom-in" aria-label="Zoom in">+</button>
      <button type="button" id="zoom-out" aria-label="Zoom out">−</button>
      <button type="button" id="zoom-reset" aria-label="Show the whole world">⟲</button>
    </div>
  </div>
  <section id="list" hidden aria-label="Communities on the map"></section>
  <aside id="panel" hidden aria-labelledby="panel-title">
    <button type="button" id="panel-close" aria-label="Close the community panel">×</button>
    <div id="panel-body"></div>
  </aside>
</main>
<footer>
  Sister-city pairs: English Wikipedia's lists, <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a> ·
  coordinates: GeoNames (CC BY 4.0) · basemap: Natural Earth (public domain) via world-atlas ·
  served by Sister Cities Graph from trusted operations (<code>/graphql</code>).
</footer>`;

/**
 * The pages the gateway serves besides the IDE: GET /map (the partnership map: its HTML names the
 * trusted operations it runs, by id) and GET /embed/v1/sister-cities.js (the partner widget: an ES
 * module any page may load — CORS `*`, cross-origin resource policy — at a stable URL, cached for
 * five minutes, with its operation's id written in). The bundles themselves are /assets (immutable).
 */
export function pagesRouter({ trusted, endpoint = "/graphql", webDist = WEB_DIST }: PagesOptions): Router {
  const router = express.Router();
  const mapOperations = operationIds(trusted, ["PartnershipMap", "MapFacets", "CommunityProfile"]);
  const widgetId = operationIds(trusted, ["SisterCitiesWidget"]).SisterCitiesWidget;

  router.get("/map", (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", MAP_CONTENT_SECURITY_POLICY);
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.send(pageHtml({ title: "Sister Cities network map", entry: readWebManifest(webDist).map, settings: { endpoint, operations: mapOperations }, body: MAP_BODY }));
  });

  router.get("/embed/v1/sister-cities.js", (_req, res) => {
    const entry = readWebManifest(webDist).widget;
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (!entry) {
      res.status(503).type("text/plain").send("The widget is not built: run `npm run build:js`.");
      return;
    }
    const file = entry.js.replace(/^\/assets\//, "");
    const source = readFileSync(join(webDist, file), "utf8")
      .replaceAll(WIDGET_OPERATION_PLACEHOLDER, widgetId)
      .replace(/\/\/# sourceMappingURL=(\S+)/, (_match, map: string) => `//# sourceMappingURL=/assets/${map}`);
    res.setHeader("Content-Type", "text/javascript; charset=utf-8");
    res.setHeader("Cache-Control", "public, max-age=300");
    res.send(source);
  });
  return router;
}
