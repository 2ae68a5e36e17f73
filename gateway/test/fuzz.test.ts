import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema, type IntrospectionQuery,
} from "graphql";
import { DEVELOPMENT_INTERNAL_SECRET, Role } from "@scg/shared";
import { startNetwork, type Network } from "@scg/scripts/testing";

/**
 * Property-based tests against the production profile: documents and variables generated from
 * the public schema (valid ones), the contract operations with random edits (mostly invalid), and
 * arbitrary request bodies. Whatever arrives, the answer is never a 5xx or a masked error, and no
 * promise is left rejected: always data or coded errors. FUZZ_RUNS sets the cases per property;
 * on a failure fast-check prints the seed and path that reproduce it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Generated documents reach the subgraphs and cost more each; the cheaper properties run more cases. */
const runs = (share: number) => ({ numRuns: Math.max(1, Math.round(RUNS * share)) });

let network: Network;
let schema: GraphQLSchema;
let authorization: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  network = await startNetwork({
    gatewayEnv: {
      NODE_ENV: "production",
      INTERNAL_SECRET: DEVELOPMENT_INTERNAL_SECRET,
      JWT_SECRET: "a-production-like-secret-for-tests-only",
      SHARED_STORE: process.env.REDIS_URL ? "redis" : "memory",
      RATE_LIMIT_ENABLED: "false",
    },
  });
  authorization = `Bearer ${await network.tokenFor({ subject: "fuzzer", roles: [Role.ANALYST], communityIds: [], organizationIds: [] })}`;
  const introspection = await send({ query: getIntrospectionQuery() });
  schema = buildClientSchema((introspection.body as { data: IntrospectionQuery }).data);
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await network?.stop();
});

async function send(body: unknown, headers: Record<string, string> = { authorization }) {
  const response = await fetch(network.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    // asserted below
  }
  return { status: response.status, body: parsed, text };
}

/** The property every answer must have. */
function expectHonestAnswer(answer: { status: number; body: unknown; text: string }) {
  if (answer.status >= 500) throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
  const body = answer.body as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
  if (!body || typeof body !== "object") throw new Error(`not JSON: ${answer.text.slice(0, 200)}`);
  if (body.data === undefined && !body.errors?.length) throw new Error(`neither data nor errors: ${answer.text.slice(0, 200)}`);
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || code === "INTERNAL_SERVER_ERROR") throw new Error(`uncoded or masked error: ${JSON.stringify(error).slice(0, 500)}`);
    if (typeof error.message !== "string" || error.message.length === 0) throw new Error(`error without a sentence: ${JSON.stringify(error)}`);
  }
}

const STRINGS = ["seattle-wa-us", "kobe-jp", "JP", "US", "WA", "san", "", " ", "é", "%", "_", "Ünïcødé 🌍", "' OR 1=1 --", "a\u0000b", "x".repeat(300), "2026-01-01", "00000000-0000-4000-8000-000000000000"];
const INTS = [-1, 0, 1, 5, 20, 499, 500, 501, 2_147_483_647, -2_147_483_648];

type Gen = fc.GeneratorValue;

/** A value for an input type: mostly well-typed, sometimes null or the wrong type. */
function valueFor(g: Gen, type: GraphQLInputType, depth = 0): unknown {
  if (g(fc.integer, { min: 0, max: 19 }) === 0) return g(fc.constantFrom, null, "wrong", 7, [], {});
  if (isNonNullType(type)) return valueFor(g, type.ofType, depth);
  if (isListType(type)) return Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () => valueFor(g, type.ofType, depth + 1));
  if (isEnumType(type)) return g(fc.constantFrom, ...type.getValues().map((v) => v.value));
  if (isInputObjectType(type)) {
    if (depth > 2) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || g(fc.boolean)) value[field.name] = valueFor(g, field.type, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case "Int":
      return g(fc.constantFrom, ...INTS);
    case "Float":
      return g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case "Boolean":
      return g(fc.boolean);
    case "DateTime":
      return g(fc.constantFrom, "2026-01-01T00:00:00Z", "2099-12-31T23:59:59+14:00", "1900-01-01T00:00:00Z", "not a date", "2026-02-30T00:00:00Z");
    case "Date":
      return g(fc.constantFrom, "2026-01-01", "1999-12-31", "2026-13-01", "yesterday");
    default:
      return g(fc.constantFrom, ...STRINGS);
  }
}

/** A selection set for a field's type: some of its fields, objects recursed into, at most `depth` levels. */
function selectionFor(g: Gen, type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields());
  const chosen = fields.filter(() => g(fc.integer, { min: 0, max: 3 }) === 0).slice(0, 6);
  const parts = chosen.flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    if (!isObjectType(named) || depth <= 0) return [];
    return [`${field.name}${argumentsFor(g, field)} { ${selectionFor(g, named, depth - 1)} }`];
  });
  return parts.length ? parts.join(" ") : "__typename";
}

/** Arguments as literals: required ones always, optional ones sometimes. */
function argumentsFor(g: Gen, field: GraphQLField<unknown, unknown>): string {
  const parts = field.args
    .filter((arg) => isNonNullType(arg.type) || g(fc.boolean))
    .map((arg) => `${arg.name}: ${literal(valueFor(g, arg.type), arg.type)}`);
  return parts.length ? `(${parts.join(", ")})` : "";
}

/** A JS value as GraphQL literal text (enum values bare where the type is an enum). */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(isNonNullType(type) ? type.ofType : type) ? ((isNonNullType(type) ? type.ofType : type) as any).ofType : type)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? type)}`).join(", ")} }`;
  }
  if (typeof value === "string" && isEnumType(named) && /^[A-Z_0-9]+$/.test(value)) return value;
  return JSON.stringify(value);
}

/** A document generated from the schema: one or two root fields, literals or variables. */
const generatedOperation = fc.gen().map((g) => {
  const mutation = g(fc.integer, { min: 0, max: 4 }) === 0;
  const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
  const fields = Object.values(root.getFields());
  const count = g(fc.integer, { min: 1, max: 2 });
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const selections = Array.from({ length: count }, (_, i) => {
    // By index: fast-check compares constants, and schema objects refer to each other in cycles.
    const field = fields[g(fc.integer, { min: 0, max: fields.length - 1 })];
    const useVariables = g(fc.boolean);
    let args: string;
    if (useVariables) {
      const chosen = field.args.filter((arg) => isNonNullType(arg.type) || g(fc.boolean));
      for (const arg of chosen) {
        definitions.push(`$${arg.name}${i}: ${String(arg.type)}`);
        variables[`${arg.name}${i}`] = valueFor(g, arg.type);
      }
      args = chosen.length ? `(${chosen.map((arg) => `${arg.name}: $${arg.name}${i}`).join(", ")})` : "";
    } else {
      args = argumentsFor(g, field);
    }
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? ` { ${selectionFor(g, named, 3)} }` : "";
    return `f${i}: ${field.name}${args}${selection}`;
  });
  const header = `${mutation ? "mutation" : "query"} Fuzz${definitions.length ? `(${definitions.join(", ")})` : ""}`;
  // Mostly its own name or none; sometimes one the document does not define.
  const operationName = g(fc.constantFrom, undefined, "Fuzz", "Fuzz", "CommunityProfile", "");
  return { query: `${header} { ${selections.join(" ")} }`, variables, ...(operationName === undefined ? {} : { operationName }) };
});

const contractTexts = readdirSync(join(__dirname, "..", "operations")).filter((f) => f.endsWith(".graphql")).map((f) => readFileSync(join(__dirname, "..", "operations", f), "utf8"));
const contractNames = contractTexts.map((text) => /^(?:query|mutation)\s+(\w+)/m.exec(text)![1]);
const TOKENS = ["{", "}", "(", ")", ":", "$", "@include(if: true)", "...", "fragment F on Community { id }", "on", "query", "mutation", "#", "\u0000", '"', "\\", "🌍", "__schema", "first: 9999999999", "...F", " ", "\n"];

/** A contract operation with a few random edits: deletions, insertions, duplications. */
const mutatedOperation = fc
  .tuple(
    fc.constantFrom(...contractTexts),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom("delete", "insert", "duplicate"), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 4 }),
    fc.jsonValue({ maxDepth: 3 }),
    fc.option(fc.constantFrom(...contractNames, "Nope")),
  )
  .map(([text, edits, variables, operationName]) => {
    let query = text;
    for (const [at, length, kind, token] of edits) {
      const start = at % (query.length + 1);
      if (kind === "delete") query = query.slice(0, start) + query.slice(start + length);
      else if (kind === "insert") query = query.slice(0, start) + token + query.slice(start);
      else query = query.slice(0, start) + query.slice(start, start + length) + query.slice(start);
    }
    return { query, variables, ...(operationName === null ? {} : { operationName }) };
  });

/** Bodies a careless or hostile client could send. */
const arbitraryBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.record({ query: fc.string({ maxLength: 200 }), variables: fc.jsonValue({ maxDepth: 2 }), operationName: fc.option(fc.string({ maxLength: 20 })) }).map((value) => JSON.stringify(value)),
  fc.record({ extensions: fc.record({ persistedQuery: fc.record({ version: fc.constantFrom(1, 2, "1"), sha256Hash: fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }), fc.string()) }) }) }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 100 }),
);

describe("fuzzing the public endpoint (production profile)", () => {
  it("documents generated from the schema: data or coded errors, never a 5xx", async () => {
    await fc.assert(fc.asyncProperty(generatedOperation, async (body) => expectHonestAnswer(await send(body))), runs(0.7));
  }, 300_000);

  it("contract operations with random edits: data or coded errors, never a 5xx", async () => {
    await fc.assert(fc.asyncProperty(mutatedOperation, async (body) => expectHonestAnswer(await send(body))), runs(1.5));
  }, 300_000);

  it("arbitrary bodies, signed in or anonymous: a coded refusal, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryBody, fc.boolean(), async (body, signedIn) => {
        const answer = await send(body, signedIn ? { authorization } : {});
        if (answer.status >= 500) throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
        const errors = (answer.body as { errors?: { extensions?: { code?: unknown } }[] } | undefined)?.errors;
        for (const error of errors ?? []) if (typeof error.extensions?.code !== "string" || error.extensions.code === "INTERNAL_SERVER_ERROR") throw new Error(answer.text);
      }),
      runs(1.5),
    );
  }, 300_000);

  it("left no promise rejected unhandled", () => {
    expect(unhandled).toEqual([]);
  });
});
