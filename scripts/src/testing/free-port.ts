import { DEFAULT_SUBGRAPH_PORTS } from "@scg/shared";
import { createServer } from "node:net";

/** A TCP port that was free a moment ago on 127.0.0.1 (for processes that must be told their port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Each subgraph's `<NAME>_PORT` and `<NAME>_URL` on free ports, for a network started as a child process. */
export async function freeSubgraphPortsEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(DEFAULT_SUBGRAPH_PORTS)) {
    const port = await freePort();
    env[`${name.toUpperCase()}_PORT`] = String(port);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  return env;
}
