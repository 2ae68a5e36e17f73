import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";

/**
 * Peer (c): Hive Gateway with Hive Router's Rust query planner (router-runtime), loading our
 * committed gateway/supergraph.graphql unchanged but for the subgraph URLs — which also proves
 * the supergraph runs on a second runtime. It adds the static header our subgraphs require.
 */
async function main() {
  const [supergraphPath, port, credential, urlsJson] = process.argv.slice(2);
  const urls = JSON.parse(urlsJson) as Record<string, string>;
  let supergraph = readFileSync(supergraphPath, "utf8");
  for (const [name, url] of Object.entries(urls)) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+(")`), `$1${url}$2`);
  }
  const gateway = createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    logging: false,
    graphiql: false,
    landingPage: false,
    plugins: () => [
      {
        onFetch({ options, setOptions }) {
          setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), "x-scg-gateway-credential": credential } });
        },
      },
    ],
  });
  createServer(gateway).listen(Number(port), "127.0.0.1", () => console.log(`Hive Gateway (Rust query planner) on http://127.0.0.1:${port}/graphql`));
}

// Hive Gateway's own signal handling disposes of its plugins but may leave the server open: a
// signal ends this process, so nobody that started it (the bench, a test) waits for ever.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
