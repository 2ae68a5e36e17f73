import express, { type Router } from "express";
import type { Profile } from "@scg/shared";
import { ideExamples, readProductOperations, OPERATIONS_DIR, type IdeExample } from "./ide-examples.js";
import { pageHtml, readWebManifest, WEB_DIST } from "./web-assets.js";

/**
 * What the IDE page is told (pageHtml's JSON settings); gateway/web/src/ide/ide-settings.ts
 * reads the same shape.
 */
export interface IdeSettings {
  endpoint: string;
  profile: Profile;
  examples: IdeExample[];
}

export interface GraphiqlRouterOptions {
  /** The GraphQL endpoint the page is served at and sends its operations to. */
  endpoint?: string;
  /** Production shows anonymous visitors a sign-in screen: introspection is closed to them there. */
  profile: Profile;
  operationsDir?: string;
  webDist?: string;
  /** The clock for the examples' dates (UpcomingEvents from the start of today). */
  now?: () => Date;
}

/**
 * Everything the page may do, and nothing more: its script and stylesheet come from /assets on
 * this origin (GraphiQL's fonts are data: URLs inside the stylesheet, its editors set inline
 * styles), and it talks to this origin only. No inline script: the settings travel in a JSON
 * element, which the browser never runs.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The analysts' IDE: GraphiQL bundled from npm by scripts/build-web.mjs (gateway/web/src/ide),
 * so it works offline and under the policy above. A browser asking GET `endpoint` for HTML gets
 * the page; everything else at `endpoint` falls through to GraphQL. The product's operations are
 * read once, here, at gateway start; the page's examples are built per request (their dates are
 * today's) and the web manifest is read per request, so a rebuilt bundle is picked up without a
 * restart.
 */
export function graphiqlRouter(options: GraphiqlRouterOptions): Router {
  const { endpoint = "/graphql", profile, now = () => new Date() } = options;
  const operations = readProductOperations(options.operationsDir ?? OPERATIONS_DIR);
  const router = express.Router();
  router.get(endpoint, (req, res, next) => {
    const wantsHtml = req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
    if (!wantsHtml || req.query.query !== undefined || req.query.extensions !== undefined) return next();
    const settings: IdeSettings = { endpoint, profile, examples: ideExamples(operations, now()) };
    res.vary("Accept");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", IDE_CONTENT_SECURITY_POLICY);
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.send(pageHtml({ title: "Sister Cities Graph — GraphiQL", entry: readWebManifest(options.webDist ?? WEB_DIST).ide, settings }));
  });
  return router;
}
