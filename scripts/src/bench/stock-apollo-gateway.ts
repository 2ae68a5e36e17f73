import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

/**
 * Peer (b): stock @apollo/gateway with its default settings behind Apollo Server's standalone
 * server, over the same committed supergraph. The only addition is the static header our
 * subgraphs require (they answer only requests that carry the gateway credential).
 */
async function main() {
  const [supergraphPath, port, credential, urlsJson] = process.argv.slice(2);
  const urls = JSON.parse(urlsJson) as Record<string, string>;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, "utf8"),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: urls[name] ?? url,
        willSendRequest({ request }) {
          request.http!.headers.set("x-scg-gateway-credential", credential);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
  console.log(`stock @apollo/gateway on ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
