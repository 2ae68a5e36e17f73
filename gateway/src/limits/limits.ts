import { MAX_PAGE_SIZE, type EnvReader } from "@scg/shared";

/**
 * Every limit the public endpoint enforces, with its default, in one place. Each can be changed
 * with the environment variable named beside it; the README's "Limits" table mirrors this file.
 * A refusal always names the limit and its value.
 */
export interface Limits {
  /** Deepest field nesting in one operation (LIMIT_MAX_DEPTH). CommunityProfile needs 6. */
  maxDepth: number;
  /**
   * Selections in one operation with every fragment expanded (LIMIT_MAX_SELECTIONS): what stops a
   * small document whose fragments spread each other from asking for millions of fields. The
   * IDE's introspection query needs about 200; CommunityProfile about 45.
   */
  maxSelections: number;
  /** Aliased fields in one operation (LIMIT_MAX_ALIASES). */
  maxAliases: number;
  /** Top-level fields in one operation (LIMIT_MAX_ROOT_FIELDS). */
  maxRootFields: number;
  /** Directives in one operation (LIMIT_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Lexical tokens in one document (LIMIT_MAX_TOKENS). */
  maxTokens: number;
  /** Bytes of the query text (LIMIT_MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  /** Bytes of a request body (LIMIT_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Estimated cost of one operation (LIMIT_MAX_COST); see limits/operation-cost.ts. */
  maxCost: number;
  /** Largest `first` of a connection (fixed by the contract). */
  maxPageSize: number;
}

export function readLimits(read: EnvReader): Limits {
  return {
    maxDepth: read.int("LIMIT_MAX_DEPTH", 10, { min: 1, max: 100 }),
    maxSelections: read.int("LIMIT_MAX_SELECTIONS", 2000, { min: 100, max: 1_000_000 }),
    maxAliases: read.int("LIMIT_MAX_ALIASES", 15, { min: 0, max: 1000 }),
    maxRootFields: read.int("LIMIT_MAX_ROOT_FIELDS", 10, { min: 1, max: 1000 }),
    maxDirectives: read.int("LIMIT_MAX_DIRECTIVES", 10, { min: 0, max: 1000 }),
    maxTokens: read.int("LIMIT_MAX_TOKENS", 2000, { min: 50, max: 100_000 }),
    maxDocumentBytes: read.int("LIMIT_MAX_DOCUMENT_BYTES", 20_000, { min: 100, max: 1_000_000 }),
    maxBodyBytes: read.int("LIMIT_MAX_BODY_BYTES", 64_000, { min: 1000, max: 10_000_000 }),
    maxCost: read.int("LIMIT_MAX_COST", 25_000, { min: 10, max: 10_000_000 }),
    maxPageSize: MAX_PAGE_SIZE,
  };
}
