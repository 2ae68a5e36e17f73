import { INTERNAL_CREDENTIAL_HEADER, signInternalCredential } from "../auth/internal-credential.js";
import type { Identity } from "../auth/identity.js";
import { serviceUnavailable } from "../errors/app-error.js";
import { traceSubgraphCall } from "../observability/trace-subgraph-call.js";
import { createJsonPost, type RawAnswer } from "./json-post.js";

export interface EntityLookupOptions {
  /** The calling service's name, recorded in the credential. */
  caller: string;
  /** The subgraph asked (named in error messages). */
  target: string;
  url: string;
  internalSecret: string;
  timeoutMs: number;
}

/** A federation representation: the type and its key (`{ __typename: "Community", id }`). */
export type EntityReference = { __typename: string } & Record<string, string>;

const malformed = (target: string) => serviceUnavailable(`The ${target} service gave an answer this service cannot read; please try again shortly.`);

/**
 * One entity another subgraph returned, read with its shape checked: each accessor returns the
 * value at a dotted path or throws SERVICE_UNAVAILABLE ("an answer this service cannot read"), so
 * a domain rule never runs on a half-understood answer.
 */
export class EntityAnswer {
  constructor(private readonly record: Record<string, unknown>, private readonly target: string) {}

  get typename(): string {
    return this.record.__typename as string;
  }

  private at(path: string): unknown {
    return path.split(".").reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), this.record);
  }

  string(path: string): string {
    const value = this.at(path);
    if (typeof value !== "string") throw malformed(this.target);
    return value;
  }

  nullableString(path: string): string | null {
    const value = this.at(path);
    if (value !== null && typeof value !== "string") throw malformed(this.target);
    return value;
  }

  /** A list of objects, each read the same way. */
  list(path: string): EntityAnswer[] {
    const value = this.at(path);
    if (!Array.isArray(value) || !value.every((item) => item !== null && typeof item === "object")) throw malformed(this.target);
    return value.map((item) => new EntityAnswer(item as Record<string, unknown>, this.target));
  }
}

/**
 * One request from this subgraph to another, with the internal credential naming the caller and
 * the identity it acts for, and a timeout. Returns the answer's `data`; anything else —
 * unreachable, slower than the timeout, an error, no data — is SERVICE_UNAVAILABLE with a
 * sentence, never a hang or a guess. With tracing on, the call is a span of the request that
 * made it and carries its trace on (`traceparent`).
 */
export function createSubgraphCall(options: EntityLookupOptions) {
  const { caller, target, url, internalSecret, timeoutMs } = options;
  const post = createJsonPost(url);
  return async function call(query: string, variables: Record<string, unknown>, identity: Identity | null): Promise<Record<string, unknown>> {
    const credential = await signInternalCredential({ identity, caller }, internalSecret);
    return traceSubgraphCall(target, null, async (traceHeaders, span) => {
      let answer: RawAnswer;
      try {
        // A read (an `_entities` question): safe to send again on a connection closed under it.
        answer = await post({ ...traceHeaders, "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: credential }, JSON.stringify({ query, variables }), timeoutMs, true);
      } catch {
        throw serviceUnavailable(`The ${target} service did not answer within ${timeoutMs} ms; please try again shortly.`);
      }
      span.setAttribute("http.response.status_code", answer.status);
      const body = parseAnswer(answer.body);
      if (answer.status < 200 || answer.status >= 300 || !body || body.errors?.length || !body.data || typeof body.data !== "object") {
        throw serviceUnavailable(`The ${target} service could not answer (HTTP ${answer.status}); please try again shortly.`);
      }
      return body.data;
    });
  };
}

/** A GraphQL answer's body, or null when it is not JSON. */
function parseAnswer(text: string): { data?: Record<string, unknown> | null; errors?: unknown[] } | null {
  try {
    return JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] } | null;
  } catch {
    return null;
  }
}

/**
 * How one subgraph asks another about data it does not own (does this community exist, in which
 * country? is that partnership active?): the same `_entities` question the gateway asks, with the
 * internal credential naming the caller's identity, and a timeout. The answer is checked before
 * anyone reads it: one entry per reference, in order, each null (unknown) or an entity of the
 * requested type with the requested key. Anything else — unreachable, slower than the timeout, an
 * error, the wrong shape — is SERVICE_UNAVAILABLE with a sentence, never a hang or a guess.
 */
export function createEntityLookup(options: EntityLookupOptions) {
  const { caller, target } = options;
  const call = createSubgraphCall(options);
  return async function lookup(references: readonly EntityReference[], selection: string, identity: Identity | null): Promise<(EntityAnswer | null)[]> {
    if (references.length === 0) return [];
    const query = `query ${caller}EntityCheck($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${selection} } }`;
    const data = await call(query, { representations: references }, identity);
    const entities = data._entities;
    if (!Array.isArray(entities) || entities.length !== references.length) throw malformed(target);
    return entities.map((entity, index) => {
      if (entity === null) return null;
      if (typeof entity !== "object") throw malformed(target);
      const record = entity as Record<string, unknown>;
      // The entity must be the one asked for: same type, same key.
      for (const [key, value] of Object.entries(references[index])) {
        const answered = record[key];
        if (typeof answered !== "string" || answered.toLowerCase() !== value.toLowerCase()) throw malformed(target);
      }
      return new EntityAnswer(record, target);
    });
  };
}

export type EntityLookup = ReturnType<typeof createEntityLookup>;
export type SubgraphCall = ReturnType<typeof createSubgraphCall>;

type ClientConfig = { serviceName: string; subgraphUrls: Record<string, string>; internalSecret: string; subgraphTimeoutMs: number };
const optionsFor = (config: ClientConfig, target: string): EntityLookupOptions => ({
  caller: config.serviceName, target, url: config.subgraphUrls[target], internalSecret: config.internalSecret, timeoutMs: config.subgraphTimeoutMs,
});

/** A call to `target` as configured for a subgraph (its URL, the internal secret, the timeout). */
export function subgraphCallFor(config: ClientConfig, target: string): SubgraphCall {
  return createSubgraphCall(optionsFor(config, target));
}

/** The lookup of `target` as configured for a subgraph (its URL, the internal secret, the timeout). */
export function entityLookupFor(config: ClientConfig, target: string): EntityLookup {
  return createEntityLookup(optionsFor(config, target));
}
