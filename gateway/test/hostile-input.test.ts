import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildClientSchema, getIntrospectionQuery, isNonNullType, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { DEVELOPMENT_INTERNAL_SECRET, Role } from "@scg/shared";
import type { PersistedQueryManifest } from "@scg/gateway";
import { leafSelection, plausibleValue, poisonedValues, reachableTypes, typeText } from "./support/schema-inputs";
import { startNetwork, type Network } from "@scg/scripts/testing";

const manifest = JSON.parse(readFileSync(join(__dirname, "..", "persisted-operations.json"), "utf8")) as PersistedQueryManifest;
const trusted = (name: string) => manifest.operations.find((o) => o.name === name)!;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let network: Network;
let analystToken: string;
const BUDGET = 3000;

beforeAll(async () => {
  network = await startNetwork({
    gatewayEnv: {
      NODE_ENV: "production",
      INTERNAL_SECRET: DEVELOPMENT_INTERNAL_SECRET,
      JWT_SECRET: "a-production-like-secret-for-tests-only",
      SHARED_STORE: process.env.REDIS_URL ? "redis" : "memory",
      RATE_LIMIT_USER_POINTS: String(BUDGET),
      RATE_LIMIT_ANONYMOUS_POINTS: String(BUDGET),
      // Answers stay in the response cache between requests here: the fast lane must not bypass a check.
      RESPONSE_CACHE_ENABLED: "true",
    },
  });
  analystToken = await network.tokenFor({ subject: "hostile-analyst", roles: [Role.ANALYST], communityIds: [], organizationIds: [] });
});
afterAll(() => network?.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(network.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported by the assertions below
  }
  return { status: response.status, headers: response.headers, body: json, text };
}
/** Each caller needs a budget of its own: these are signed-in users with fresh subjects. */
const asUser = async (subject: string, roles: Role[] = [Role.ANALYST]) => ({
  authorization: `Bearer ${await network.tokenFor({ subject, roles, communityIds: [], organizationIds: [] })}`,
});
const asAnalyst = () => ({ authorization: `Bearer ${analystToken}` });

/** Forty fragments, each spreading the one before twice: 2^40 selections in under 1,000 tokens. */
function doubling(levels: number, spread: (previous: string, i: number) => string, base: string, root: string, on = "Community") {
  let text = `${root} fragment F0 on ${on} { ${base} }`;
  for (let i = 1; i <= levels; i++) text += ` fragment F${i} on ${on} { ${spread(`F${i - 1}`, i)} }`;
  return text;
}
const BOMBS: [string, string][] = [
  ["named spreads, one under @include", doubling(40, (p) => `...${p} ...${p} @include(if: true)`, "id name", `query Bomb { community(slug: "seattle-wa-us") { ...F40 } }`)],
  ["spreads inside inline fragments and @skip", doubling(40, (p) => `... on Community { ...${p} } ... @skip(if: false) { ...${p} }`, "id slug", `query Bomb { community(slug: "kobe-jp") { ...F40 } }`)],
  ["fragments on the root type", doubling(40, (p) => `...${p} ...${p}`, "networkStats { communities }", `query Bomb { ...F40 }`, "Query")],
  [
    "two families of fragments spreading each other",
    (() => {
      let text = `query Bomb { country(code: "JP") { ...A30 ...B30 } } fragment A0 on Country { code } fragment B0 on Country { name }`;
      for (let i = 1; i <= 30; i++) text += ` fragment A${i} on Country { ...B${i - 1} ...B${i - 1} } fragment B${i} on Country { ...A${i - 1} ...A${i - 1} }`;
      return text;
    })(),
  ],
  [
    "the same inside a mutation",
    doubling(40, (p) => `...${p} ...${p}`, "id status", `mutation Bomb { proposePartnership(input: { communityIds: [], focusAreas: [] }) { ...F40 } }`, "Partnership"),
  ],
];

describe("documents that expand exponentially are refused at once", () => {
  it.each(BOMBS)("%s: a 400 with a coded error", async (_label, query) => {
    expect(query.length).toBeLessThan(5000);
    const response = await post({ query }, asAnalyst());
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.body.errors[0].message).toMatch(/too many selections/);
  });

  it("sixteen at a time leave /health and ordinary queries answered meanwhile", async () => {
    const bombs = Array.from({ length: 16 }, (_, i) => post({ query: BOMBS[i % BOMBS.length][1] }, asAnalyst()));
    const base = network.gatewayUrl.replace(/\/graphql$/, "");
    const [health, ordinary] = await Promise.all([
      fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) }),
      post({ query: `{ country(code: "FR") { name } }` }, asAnalyst()),
    ]);
    expect(health.status).toBe(200);
    expect(ordinary.body).toEqual({ data: { country: { name: "France" } } });
    for (const response of await Promise.all(bombs)) {
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });

  it("a large but honest document is still served", async () => {
    const query = `{ community(slug: "seattle-wa-us") { ...A ...B } } fragment A on Community { name slug country { code name } } fragment B on Community { sisterCities { partner { ...A } } }`;
    const response = await post({ query }, asAnalyst());
    expect(response.status).toBe(200);
    expect(response.body.data.community.sisterCities.length).toBeGreaterThan(10);
  });
});

describe("control characters in string inputs", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    const introspection = await post({ query: getIntrospectionQuery() }, asAnalyst());
    schema = buildClientSchema(introspection.body.data as IntrospectionQuery);
  });

  /** Every string argument and input field of every root field, each poisoned in turn. */
  function rootCases(poison: string) {
    const cases: { label: string; query: string; variables: Record<string, unknown>; path: string }[] = [];
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      const keyword = root === schema.getQueryType() ? "query" : "mutation";
      for (const field of Object.values(root.getFields())) {
        for (const arg of field.args) {
          for (const variant of poisonedValues(arg.type, poison, arg.name)) {
            const others = field.args.filter((a) => a !== arg && isNonNullType(a.type));
            const variables = { [arg.name]: variant.value, ...Object.fromEntries(others.map((a) => [a.name, plausibleValue(a.type)])) };
            const definitions = [arg, ...others].map((a) => `$${a.name}: ${typeText(a)}`).join(", ");
            const call = [arg, ...others].map((a) => `${a.name}: $${a.name}`).join(", ");
            cases.push({ label: `${root.name}.${field.name}(${variant.path})`, path: variant.path, variables, query: `${keyword}(${definitions}) { ${field.name}(${call})${leafSelection(field)} }` });
          }
        }
      }
    }
    return cases;
  }

  it("a NUL in any string argument or input field of any root field is BAD_USER_INPUT naming it, never a 5xx", async () => {
    const cases = rootCases("\u0000");
    expect(cases.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const { label, query, variables, path } of cases) {
      const response = await post({ query, variables }, asAnalyst());
      const error = response.body?.errors?.find((e: any) => e.extensions?.code === "BAD_USER_INPUT");
      if (response.status >= 500 || !error || error.extensions.argument !== path) {
        failures.push(`${label}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a NUL in any string argument of a field below the root is refused the same way", async () => {
    const reach = reachableTypes(schema);
    let refused = 0;
    const failures: string[] = [];
    for (const [typeName, wrap] of reach) {
      if (typeName === schema.getQueryType()!.name) continue;
      const type = schema.getType(typeName) as import("graphql").GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          for (const variant of poisonedValues(arg.type, "\u0000", arg.name)) {
            const query = `query($v: ${typeText(arg)}) { ${wrap(`${field.name}(${arg.name}: $v)${leafSelection(field)}`)} }`;
            const response = await post({ query, variables: { v: variant.value } }, asAnalyst());
            const codes = (response.body?.errors ?? []).map((e: any) => e.extensions?.code);
            if (response.status >= 500 || codes.some((code: string) => code !== "BAD_USER_INPUT")) failures.push(`${typeName}.${field.name}(${variant.path}): ${response.text.slice(0, 300)}`);
            if (codes.includes("BAD_USER_INPUT")) refused += 1;
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Below the root, the public schema's string arguments are the cursors of nested pages (Country.partnerships(after:)).
    expect(refused).toBeGreaterThanOrEqual(1);
  });

  it("other control characters are refused; tab and newline in a text are not", async () => {
    const search = (text: string) => post({ query: `query($s: String) { communities(filter: { search: $s }) { totalCount } }`, variables: { s: text } }, asAnalyst());
    for (const character of ["\u0001", "\u001b", "\u007f", "\u0085"]) {
      const response = await search(`pe${character}cs`);
      expect(response.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(response.body.errors[0].message).toMatch(/"filter\.search" contains a control character \(U\+00[0-9A-F]{2}\)/);
    }
    expect((await search("pécs\t")).body.errors).toBeUndefined();
  });

  it("an anonymous trusted operation with a NUL in a variable is refused the same way", async () => {
    const response = await post({ variables: { slug: "seattle\u0000-wa-us" }, extensions: { persistedQuery: { version: 1, sha256Hash: trusted("CommunityProfile").id } } });
    expect(response.status).toBe(200);
    expect(response.body.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "slug" } });
  });
});

describe("a persisted query hash must be its query's hash", () => {
  const documentA = `{ country(code: "NO") { name } }`;
  const documentB = `{ country(code: "SE") { name } }`;
  const apq = (query: string | undefined, hash: string) => ({ ...(query ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

  it("mismatch first: refused with 400, nothing stored under either hash", async () => {
    const mismatch = await post(apq(documentB, sha256(documentA)), asAnalyst());
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    for (const hash of [sha256(documentA), sha256(documentB)]) {
      const lookup = await post(apq(undefined, hash), asAnalyst());
      expect(lookup.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(lookup.body.data).toBeUndefined();
    }
  });

  it("registered first: a later mismatch is refused and the hash keeps its own document", async () => {
    const registered = await post(apq(documentA, sha256(documentA)), asAnalyst());
    expect(registered.body).toEqual({ data: { country: { name: "Norway" } } });
    // B is answered (and cached) on its own, so the fast lane has it.
    for (let i = 0; i < 2; i++) expect((await post({ query: documentB }, asAnalyst())).body).toEqual({ data: { country: { name: "Sweden" } } });
    const mismatch = await post(apq(documentB, sha256(documentA)), asAnalyst());
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    expect((await post(apq(undefined, sha256(documentA)), asAnalyst())).body).toEqual({ data: { country: { name: "Norway" } } });
  });

  it("a trusted operation's id sent with another text is refused, not run", async () => {
    const response = await post({ query: documentB, extensions: { persistedQuery: { version: 1, sha256Hash: trusted("NetworkStats").id } } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
  });
});

describe("refused requests cost one point, not their estimate", () => {
  const profile = (headers: Record<string, string> = {}) =>
    post({ variables: { slug: "seattle-wa-us" }, extensions: { persistedQuery: { version: 1, sha256Hash: trusted("CommunityProfile").id } } }, headers);
  const remaining = (response: { headers: Headers }) => Number(response.headers.get("ratelimit-remaining"));

  async function expectTenRefusalsCostTen(headers: Record<string, string>, refuse: () => Promise<{ status: number; body: any; headers: Headers }>) {
    const before = await profile(headers);
    expect(before.status).toBe(200);
    for (let i = 0; i < 10; i++) {
      const refused = await refuse();
      expect(refused.status).toBeLessThan(500);
      expect(["BAD_USER_INPUT", "OPERATION_TOO_COSTLY", "RATE_LIMITED"]).toContain(refused.body.errors[0].extensions.code);
    }
    const after = await profile(headers);
    expect(after.status).toBe(200);
    expect(after.body.data.community.slug).toBe("seattle-wa-us");
    const again = await profile(headers);
    const cost = remaining(after) - remaining(again);
    expect(cost).toBeGreaterThan(50);
    // Between the two pages: ten refusals at one point each, and the second page itself.
    expect(remaining(before) - remaining(after)).toBe(10 + cost);
  }

  it("a signed-in analyst's ten partnerships(first: 1000000000) leave CommunityProfile running", async () => {
    const headers = await asUser("greedy-analyst");
    await expectTenRefusalsCostTen(headers, () => post({ query: `{ partnerships(first: 1000000000) { edges { node { id communities { slug } } } } }` }, headers));
  });

  it("an anonymous caller's ten CountryPartnerships(first: 1000000000) leave CommunityProfile running", async () => {
    await expectTenRefusalsCostTen({}, () =>
      post({ variables: { code: "JP", first: 1_000_000_000 }, extensions: { persistedQuery: { version: 1, sha256Hash: trusted("CountryPartnerships").id } } }),
    );
  });

  it("an operationName that names no operation of the document is a coded 400, never a 500", async () => {
    const answer = await post({ query: `query CountryPartnerships { networkStats { partnerships } }`, operationName: "CommunityProfile" }, await asUser("wrong-name-analyst"));
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(answer.body.errors[0].message).toMatch(/no operation named "CommunityProfile"/);
    const several = await post({ query: `query A { networkStats { partnerships } } query B { networkStats { countries } }` }, await asUser("wrong-name-analyst"));
    expect(several.status).toBe(400);
    expect(several.body.errors[0]).toMatchObject({ message: expect.stringMatching(/several operations/), extensions: { code: "BAD_REQUEST" } });
  });

  it("a document refused by validation costs one point", async () => {
    const headers = await asUser("typo-analyst");
    const first = await post({ query: `{ nope }` }, headers);
    expect(first.status).toBe(400);
    const second = await post({ query: `{ nope }` }, headers);
    expect(remaining(first) - remaining(second)).toBe(1);
  });
});

describe("what the schema reveals in production", () => {
  const introspect = (headers: Record<string, string>) => post({ query: `{ __schema { queryType { name } } }` }, headers);
  const typo = (headers: Record<string, string>) => post({ query: `{ comunity(slug: "kobe-jp") { name } }` }, headers);

  it("member admins get neither introspection nor suggestions", async () => {
    const admin = await asUser("hostile-admin", [Role.MEMBER_ADMIN]);
    const refused = await introspect(admin);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe("INTROSPECTION_DISABLED");
    const misspelt = await typo(admin);
    expect(misspelt.body.errors[0].message).toMatch(/Cannot query field "comunity"/);
    expect(misspelt.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it("analysts and staff get both", async () => {
    for (const role of [Role.ANALYST, Role.STAFF]) {
      const headers = await asUser(`explorer-${role}`, [role]);
      expect((await introspect(headers)).body.data.__schema.queryType.name).toBe("Query");
      expect((await typo(headers)).body.errors[0].message).toMatch(/Did you mean "community"/);
    }
  });
});
