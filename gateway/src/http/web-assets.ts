import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";

/** Where scripts/build-web.mjs writes the bundles and their manifest. */
export const WEB_DIST = join(__dirname, "..", "..", "web", "dist");

export interface WebEntry {
  /** URL of the entry's script, under /assets/ (content-hashed). */
  js: string;
  css: string | null;
}

/** The bundled entries (ide, map, widget, …) by name; empty when the web build has not run. */
export function readWebManifest(dist = WEB_DIST): Record<string, WebEntry> {
  const file = join(dist, "manifest.json");
  if (!existsSync(file)) return {};
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, { js: string; css: string | null }>;
  return Object.fromEntries(Object.entries(manifest).map(([name, entry]) => [name, { js: `/assets/${entry.js}`, css: entry.css && `/assets/${entry.css}` }]));
}

/**
 * Serves the bundles under /assets/. Their names carry a hash of their content, so they are cached
 * for a year as immutable; the pages that name them are short-lived. Source maps and licence notes
 * are served too; anything else is a 404.
 */
export function webAssetsRouter(dist = WEB_DIST): Router {
  const router = express.Router();
  router.use(
    "/assets",
    express.static(dist, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader("Cache-Control", path.endsWith("manifest.json") ? "no-store" : "public, max-age=31536000, immutable");
        res.setHeader("X-Content-Type-Options", "nosniff");
      },
    }),
  );
  return router;
}

/** The HTML of a page that runs one bundled entry, with its stylesheet and the page's settings as JSON. */
export function pageHtml(options: { title: string; entry: WebEntry | undefined; settings?: unknown; lang?: string; body?: string }): string {
  const { title, entry } = options;
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  // JSON in a script element: "<" escaped so no value can close the element.
  const settings = JSON.stringify(options.settings ?? {}).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${options.lang ?? "en"}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${escape(title)}</title>
  ${entry?.css ? `<link rel="stylesheet" href="${entry.css}" />` : ""}
  <script type="application/json" id="settings">${settings}</script>
</head>
<body>
  ${options.body ?? '<div id="root"></div>'}
  ${entry ? `<script type="module" src="${entry.js}"></script>` : "<p>The web assets are not built: run <code>npm run build:js</code>.</p>"}
</body>
</html>`;
}
