import "reflect-metadata";
import { parseArgs } from "node:util";
import { createLogger, DEVELOPMENT_DATABASE_URL, readConfig } from "@scg/shared";
import { ApiKeyStore, createGatewayDataSource, prepareDatabase } from "@scg/gateway";

const USAGE = `Usage:
  npm run api-key -- create --name "Partner site" --origin https://partner.example.org [--origin …]
                            [--rate-limit 60000] [--operation <trusted operation id> …] [--free-form]
                            [--community seattle-wa-us] [--gateway-url https://graph.example.org]
  npm run api-key -- revoke <key id or prefix>
  npm run api-key -- list
Uses DATABASE_URL (development: the embedded database of a running \`npm start\`).`;

/** The two lines a partner page pastes to show a community's sister cities (the <sister-cities> widget). */
function widgetSnippet(gatewayUrl: string, community: string, key: string): string {
  const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return [
    `<script type="module" src="${attribute(gatewayUrl)}/embed/v1/sister-cities.js"></script>`,
    `<sister-cities community="${attribute(community)}" api-key="${attribute(key)}"></sister-cities>`,
  ].join("\n");
}

/** Creates, revokes and lists partner API keys (stored hashed; a new key is printed once). */
async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      origin: { type: "string", multiple: true, default: [] },
      "rate-limit": { type: "string", default: "60000" },
      operation: { type: "string", multiple: true },
      "free-form": { type: "boolean", default: false },
      community: { type: "string", default: "your-community-slug" },
      "gateway-url": { type: "string" },
    },
  });
  const [command, target] = positionals;
  const { databaseUrl } = readConfig((read) => ({ databaseUrl: read.url("DATABASE_URL", DEVELOPMENT_DATABASE_URL, ["postgres:", "postgresql:"]) }));
  const log = createLogger("api-key", "warn");
  await prepareDatabase(databaseUrl, { seed: false }, log);
  const dataSource = createGatewayDataSource(databaseUrl, { poolSize: 1, log });
  await dataSource.initialize();
  const store = new ApiKeyStore(dataSource, 0);
  try {
    if (command === "create") {
      if (!values.name) throw new Error(`--name is required.\n${USAGE}`);
      const { key, record } = await store.create({
        name: values.name,
        origins: values.origin,
        rateLimitPoints: Number(values["rate-limit"]),
        trustedOperations: values.operation ?? null,
        allowFreeForm: values["free-form"],
      });
      console.log(`Created key ${record.id} for "${record.name}" (origins: ${record.origins.join(", ") || "none"}).`);
      console.log(`Send it as the x-api-key header. It is shown only now:\n\n  ${key}\n`);
      const gatewayUrl = (values["gateway-url"] ?? process.env.PUBLIC_GATEWAY_URL ?? `http://localhost:${process.env.GATEWAY_PORT ?? 4000}`).replace(/\/+$/, "");
      console.log(`To show a community's sister cities on ${record.origins[0] ?? "a partner page"}, paste:\n\n${widgetSnippet(gatewayUrl, values.community, key)}\n`);
    } else if (command === "revoke" && target) {
      const count = await store.revoke(target);
      console.log(count ? `Revoked ${count} key(s).` : `No active key matches "${target}".`);
    } else if (command === "list") {
      for (const key of await store.list()) {
        console.log([key.id, key.prefix, JSON.stringify(key.name), key.origins.join(","), `${key.rateLimitPoints}/min`, key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active"].join("  "));
      }
    } else {
      console.log(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
