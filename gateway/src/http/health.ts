import express, { type Router } from "express";
import { INTERNAL_CREDENTIAL_HEADER, signInternalCredential } from "@scg/shared";

export interface ReadinessOptions {
  subgraphUrls: Record<string, string>;
  internalSecret: string;
  timeoutMs: number;
  /** True once the supergraph is loaded and the gateway answers. */
  isLoaded: () => boolean;
}

/** Asks one subgraph the cheapest question there is, with the gateway's credential and a timeout. */
async function probe(url: string, secret: string, timeoutMs: number): Promise<"up" | "down"> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: await signInternalCredential({ identity: null, caller: "gateway-readiness" }, secret) },
      body: '{"query":"{ __typename }"}',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok ? "up" : "down";
  } catch {
    return "down";
  }
}

/**
 * GET /health: the process is alive (for restarts). GET /serving: this replica can answer (its
 * supergraph is loaded): what a load balancer asks, since a subgraph that is down is down for every
 * replica, and each still answers the rest of every page (a balancer that dropped them all would
 * answer nothing). GET /ready: the supergraph is loaded and every subgraph answers, 503 with each
 * subgraph's state otherwise: for operators and deploys ("is the whole network up?").
 */
export function healthRouter(options: ReadinessOptions): Router {
  const router = express.Router();
  router.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/serving", (_req, res) => {
    const loaded = options.isLoaded();
    res.status(loaded ? 200 : 503).json({ status: loaded ? "serving" : "starting" });
  });
  router.get("/ready", async (_req, res) => {
    const names = Object.keys(options.subgraphUrls);
    const states = await Promise.all(names.map((name) => probe(options.subgraphUrls[name], options.internalSecret, Math.min(options.timeoutMs, 2000))));
    const subgraphs = Object.fromEntries(names.map((name, i) => [name, states[i]]));
    const ready = options.isLoaded() && states.every((state) => state === "up");
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", supergraph: options.isLoaded() ? "loaded" : "not loaded", subgraphs });
  });
  return router;
}
