import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** An answer as it came over the wire, before anyone parses it. */
export interface RawAnswer {
  status: number;
  cacheControl: string | null;
  body: string;
}

/** Thrown when the server does not answer within the timeout (`name` is "TimeoutError", as fetch's). */
export class PostTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

export interface JsonPostOptions {
  /** Connections kept to the server at most (requests beyond wait for one). */
  maxSockets?: number;
  /** An idle connection is closed after this; below the server's keep-alive timeout (Node: 5 s), so we close first. */
  idleTimeoutMs?: number;
}

export interface JsonPost {
  /**
   * POSTs `body` (JSON text) and reads the whole answer. `idempotent`: a request sent on a reused
   * connection that the server had just closed is sent once more on a new one (nothing reached the
   * server); other requests are not replayed.
   */
  (headers: Record<string, string>, body: string, timeoutMs: number, idempotent: boolean): Promise<RawAnswer>;
  /** Closes the idle connections. */
  close(): void;
}

/**
 * A client for one server's JSON endpoint on Node's own http module, with keep-alive connections.
 * Used between our services (the gateway's subgraph calls, one subgraph's checks of another)
 * instead of fetch: on the page's hot path, fetch's web streams and
 * request objects cost more CPU than the subgraph's work (see bench/results, the profiles).
 */
export function createJsonPost(url: string, { maxSockets = 128, idleTimeoutMs = 4_000 }: JsonPostOptions = {}): JsonPost {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: idleTimeoutMs, scheduling: "lifo" as const };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const path = `${target.pathname}${target.search}`;

  function attempt(headers: Record<string, string>, body: string, timeoutMs: number, retryStale: boolean): Promise<RawAnswer> {
    return new Promise<RawAnswer>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null, answer?: RawAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(answer!);
      };
      const req = send(
        { agent, hostname, port: target.port, path, method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const cacheControl = res.headers["cache-control"];
            settle(null, { status: res.statusCode ?? 0, cacheControl: typeof cacheControl === "string" ? cacheControl : null, body: Buffer.concat(chunks).toString("utf8") });
          });
          res.on("error", (error) => settle(error));
          res.on("close", () => settle(new Error("The connection closed before the answer was complete.")));
        },
      );
      const timer = setTimeout(() => req.destroy(new PostTimeoutError(`No answer within ${timeoutMs} ms.`)), timeoutMs);
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (retryStale && req.reusedSocket && error.code === "ECONNRESET" && !settled) {
          settled = true;
          clearTimeout(timer);
          attempt(headers, body, timeoutMs, false).then(resolve, reject);
          return;
        }
        settle(error);
      });
      req.end(body);
    });
  }

  const post = ((headers, body, timeoutMs, idempotent) => attempt(headers, body, timeoutMs, idempotent)) as JsonPost;
  post.close = () => agent.destroy();
  return post;
}
