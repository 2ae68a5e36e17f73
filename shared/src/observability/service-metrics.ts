import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Logger } from "../logging/logger.js";

/** A running `/metrics` endpoint. */
export interface MetricsEndpoint {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One service's Prometheus metrics: a registry of its own (never prom-client's global one —
 * tests run the gateway and every subgraph in one process, each with its own numbers), every
 * series labelled with the service's name, and what every service measures: requests in flight.
 * Services add their own metrics to `registry` (see GatewayMetrics, SubgraphMetrics).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly inFlight: Gauge;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    this.inFlight = new Gauge({ name: "http_requests_in_flight", help: "Requests being answered now.", registers: [this.registry] });
  }

  /**
   * Serves `/metrics` (Prometheus text format, with the process and runtime metrics prom-client
   * collects) on 127.0.0.1 only: never on the public port, never beyond this machine unless an
   * operator forwards it. A port in use is logged and the service goes on without the endpoint:
   * metrics are not worth refusing traffic for. Port 0 picks a free port.
   */
  async serve(port: number, log: Logger): Promise<MetricsEndpoint | null> {
    collectDefaultMetrics({ register: this.registry });
    const server = createServer((req, res) => {
      if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
        res.writeHead(404, { "content-type": "text/plain" }).end("Metrics are at /metrics.\n");
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": this.registry.contentType }).end(withSpecNaN(text)),
        (error) => {
          log.error({ err: error }, "metrics could not be collected");
          res.writeHead(500).end();
        },
      );
    });
    try {
      await listen(server, port);
    } catch (error) {
      log.error({ err: error, port }, `metrics endpoint not started: port ${port} on 127.0.0.1 is not available (set METRICS_PORT)`);
      return null;
    }
    const address = server.address();
    const bound = typeof address === "object" && address ? address.port : port;
    const url = `http://127.0.0.1:${bound}/metrics`;
    log.info({ url }, "metrics endpoint listening");
    return { url, port: bound, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
}

/**
 * prom-client writes a value that is not a number as "Nan"; the exposition format says "NaN".
 * Prometheus reads either, stricter parsers only the latter (event-loop lag is NaN until sampled).
 */
function withSpecNaN(text: string): string {
  return text.replace(/ Nan$/gm, " NaN");
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
