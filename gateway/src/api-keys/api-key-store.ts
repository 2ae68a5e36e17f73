import { createHash, randomBytes, randomUUID } from "node:crypto";
import { badUserInput, createDataSource, migrate, type DataSourceSettings, type Logger } from "@scg/shared";
import { IsNull, type DataSource } from "typeorm";
import { ApiKey } from "./api-key.entity.js";
import { CreateApiKeys1764230500000 } from "../migrations/1764230500000-create-api-keys.js";

export const GATEWAY_SCHEMA = "gateway";
export const API_KEY_HEADER = "x-api-key";

/** What a request learns about its key (never the hash). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  origins: string[];
  rateLimitPoints: number;
  trustedOperations: string[] | null;
  allowFreeForm: boolean;
}

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export function createGatewayDataSource(url: string, options: DataSourceSettings = {}) {
  return createDataSource({ url, schema: GATEWAY_SCHEMA, entities: [ApiKey], migrations: [CreateApiKeys1764230500000], ...options });
}

export async function prepareGatewayDatabase(url: string, log?: Logger) {
  const dataSource = createGatewayDataSource(url, { poolSize: 1, log });
  await dataSource.initialize();
  try {
    return await migrate(dataSource, GATEWAY_SCHEMA);
  } finally {
    await dataSource.destroy();
  }
}

export interface CreateApiKeyInput {
  name: string;
  origins: string[];
  rateLimitPoints: number;
  trustedOperations?: string[] | null;
  allowFreeForm?: boolean;
}

function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw badUserInput(`"${origin}" is not an origin; give one like https://partner.example.org.`);
  }
  if (!["http:", "https:"].includes(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw badUserInput(`"${origin}" is not an origin; give scheme, host and optional port only, like https://partner.example.org.`);
  }
  return url.origin;
}

/**
 * API keys in Postgres. Lookups are cached for `cacheMs` (a revoked key stops working within
 * that time), so a request costs no database round trip.
 */
export class ApiKeyStore {
  private readonly cache = new Map<string, { record: ApiKeyRecord | null; until: number }>();
  private originsCache: { origins: Set<string>; until: number } | null = null;

  constructor(private readonly dataSource: DataSource, private readonly cacheMs = 30_000) {}

  /** Creates a key and returns it in clear, once. */
  async create(input: CreateApiKeyInput): Promise<{ key: string; record: ApiKeyRecord }> {
    if (!input.name.trim()) throw badUserInput("A key needs a name.");
    if (!Number.isInteger(input.rateLimitPoints) || input.rateLimitPoints <= 0) throw badUserInput("The rate limit must be a positive whole number of points per minute.");
    const key = `scg_${randomBytes(32).toString("base64url")}`;
    const row = this.dataSource.getRepository(ApiKey).create({
      id: randomUUID(),
      name: input.name.trim(),
      prefix: key.slice(0, 10),
      keyHash: hashApiKey(key),
      origins: input.origins.map(checkOrigin),
      rateLimitPoints: input.rateLimitPoints,
      trustedOperations: input.trustedOperations ?? null,
      allowFreeForm: input.allowFreeForm ?? false,
      revokedAt: null,
    });
    await this.dataSource.getRepository(ApiKey).insert(row);
    this.originsCache = null;
    return { key, record: toRecord(row) };
  }

  async revoke(idOrPrefix: string): Promise<number> {
    const repository = this.dataSource.getRepository(ApiKey);
    const column = /^[0-9a-f-]{36}$/i.test(idOrPrefix) ? "id" : "prefix";
    const result = await repository.update({ [column]: idOrPrefix, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.cache.clear();
    this.originsCache = null;
    return result.affected ?? 0;
  }

  async list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { createdAt: "ASC" } });
  }

  /** The active key for a raw key string, or null. */
  async find(key: string): Promise<ApiKeyRecord | null> {
    if (key.length > 200) return null;
    const hash = hashApiKey(key);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.record;
    const row = await this.dataSource.getRepository(ApiKey).findOneBy({ keyHash: hash, revokedAt: IsNull() });
    const record = row ? toRecord(row) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { record, until: Date.now() + this.cacheMs });
    return record;
  }

  /** Every origin of every active key (for CORS preflights, which carry no key). */
  async allOrigins(): Promise<Set<string>> {
    if (this.originsCache && this.originsCache.until > Date.now()) return this.originsCache.origins;
    const rows = await this.dataSource.getRepository(ApiKey).find({ where: { revokedAt: IsNull() }, select: { origins: true } });
    const origins = new Set(rows.flatMap((row) => row.origins));
    this.originsCache = { origins, until: Date.now() + this.cacheMs };
    return origins;
  }
}

function toRecord(row: ApiKey): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    origins: row.origins,
    rateLimitPoints: row.rateLimitPoints,
    trustedOperations: row.trustedOperations,
    allowFreeForm: row.allowFreeForm,
  };
}
