import { request as httpRequest } from "node:http";
import { graphqlRequest } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

let network: Network;
beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { LIMIT_MAX_COST: "5000", LIMIT_MAX_DOCUMENT_BYTES: "5000", LIMIT_MAX_BODY_BYTES: "8000", LIMIT_MAX_TOKENS: "500", RATE_LIMIT_ENABLED: "false" } });
});
afterAll(() => network?.stop());

const post = (body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(network.gatewayUrl, { method: "POST", headers, body });

/** Every refusal: a 4xx, the code, a sentence naming the limit; and the gateway answers normally right after. */
async function expectRefusal(response: Response, status: number, code: string, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe(code);
  if (message) expect(body.errors[0].message).toMatch(message);
  const after = await graphqlRequest(network.gatewayUrl, `{ country(code: "FR") { name } }`);
  expect(after.data).toEqual({ country: { name: "France" } });
}


describe("document limits (400 with a sentence naming the limit)", () => {
  it("depth", async () => {
    const deep = `{ community(slug: "kobe-jp") { sisterCities { partner { sisterCities { partner { sisterCities { partner { sisterCities { partner { sisterCities { partner { slug } } } } } } } } } } } }`;
    await expectRefusal(await post(JSON.stringify({ query: deep })), 400, "GRAPHQL_VALIDATION_FAILED", /depth limit of 10/);
  });

  it("aliases", async () => {
    const query = `{ country(code: "JP") { ${Array.from({ length: 16 }, (_, i) => `a${i}: name`).join(" ")} } }`;
    await expectRefusal(await post(JSON.stringify({ query })), 400, "GRAPHQL_VALIDATION_FAILED", /aliases limit of 15/i);
  });

  it("root fields", async () => {
    const query = `{ ${Array.from({ length: 11 }, (_, i) => `c${i}: country(code: "JP") { name }`).join(" ")} }`;
    const response = await post(JSON.stringify({ query }), { "content-type": "application/json" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message).join(" ")).toMatch(/11 top-level fields; the limit is 10/);
  });

  it("directives", async () => {
    const query = `{ country(code: "JP") { ${Array.from({ length: 11 }, (_, i) => `a${i}: name @include(if: true)`).join(" ")} } }`;
    await expectRefusal(await post(JSON.stringify({ query })), 400, "GRAPHQL_VALIDATION_FAILED", /directives limit of 10/i);
  });

  it("tokens", async () => {
    const query = `{ country(code: "JP") { ${"name ".repeat(600)} } }`;
    await expectRefusal(await post(JSON.stringify({ query })), 400, "GRAPHQL_PARSE_FAILED", /500 tokens/);
  });

  it("document size", async () => {
    const query = `{ country(code: "JP") { name } } ${"#".repeat(6000)}`;
    await expectRefusal(await post(JSON.stringify({ query })), 413, "DOCUMENT_TOO_LARGE", /limit is 5000/);
  });

  it("request body size", async () => {
    await expectRefusal(await post(JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(9000) } })), 413, "BODY_TOO_LARGE", /8000 bytes/);
  });

  it("page size: first above 500", async () => {
    const response = await graphqlRequest(network.gatewayUrl, `{ communities(first: 501) { totalCount } }`);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(/500/);
  });

  it("estimated cost", async () => {
    const query = `{ communities(first: 500) { edges { node { country { name } organizations { name } } } } }`;
    await expectRefusal(await post(JSON.stringify({ query })), 400, "OPERATION_TOO_COSTLY", /limit is 5000/);
  });
});

describe("HTTP rules", () => {
  it("batching is off", async () => {
    const response = await post(JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(response.status).toBe(400);
  });

  it("GET is for queries only: a mutation over GET is 405", async () => {
    const url = `${network.gatewayUrl}?query=${encodeURIComponent("mutation { __typename }")}`;
    const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(405);
  });

  it("GET queries work (with the CSRF preflight header)", async () => {
    const url = `${network.gatewayUrl}?query=${encodeURIComponent('{ country(code: "JP") { name } }')}`;
    const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { country: { name: "Japan" } } });
  });

  it("CSRF prevention: a simple GET without a preflight-forcing header is refused", async () => {
    const url = `${network.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`;
    const response = await fetch(url, { headers: { accept: "application/json" } });
    expect(response.status).toBe(400);
  });

  it("only JSON: a form post is 415", async () => {
    await expectRefusal(await post("query=%7B__typename%7D", { "content-type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("only JSON: text/plain is 415", async () => {
    await expectRefusal(await post(JSON.stringify({ query: "{ __typename }" }), { "content-type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("a charset other than UTF-8 is 415", async () => {
    await expectRefusal(await post(JSON.stringify({ query: "{ __typename }" }), { "content-type": "application/json; charset=latin1" }), 415, "UNSUPPORTED_MEDIA_TYPE", /UTF-8/);
  });

  it("invalid UTF-8 is 400", async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ __typename }","variables":{"x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
    await expectRefusal(await post(body), 400, "BAD_REQUEST", /UTF-8/);
  });

  it("malformed JSON is 400", async () => {
    await expectRefusal(await post('{"query": '), 400, "BAD_REQUEST", /not valid JSON/);
  });

  it("oversized headers are 431", async () => {
    const port = new URL(network.gatewayUrl).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json", "x-big": "x".repeat(20_000) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end('{"query":"{ __typename }"}');
    });
    expect(status).toBe(431);
  });

  it("query-plan debugging headers are ignored", async () => {
    const response = await post(JSON.stringify({ query: '{ community(slug: "kobe-jp") { name country { name } } }' }), {
      "content-type": "application/json",
      "apollo-query-plan-experimental": "1",
    });
    const body = (await response.json()) as { extensions?: Record<string, unknown> };
    expect(body.extensions?.queryPlan).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/QueryPlan|Fetch\(service/);
  });

  it("federation internals are not part of the public schema", async () => {
    for (const query of [`{ _service { sdl } }`, `{ _entities(representations: []) { __typename } }`]) {
      const response = await graphqlRequest(network.gatewayUrl, query);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });

  it("unknown paths are a coded 404", async () => {
    const response = await fetch(network.gatewayUrl.replace("/graphql", "/nope"));
    expect(response.status).toBe(404);
  });

  it("the server's timeouts are tightened", () => {
    expect(network.gatewayConfig.http.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(network.gatewayConfig.http.requestTimeoutMs).toBeLessThanOrEqual(30_000);
  });
});
