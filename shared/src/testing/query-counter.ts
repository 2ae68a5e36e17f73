import type { QueryRunner } from "typeorm";
import { ServiceQueryLogger } from "../db/service-query-logger.js";

/**
 * A data-source logger that also records every SQL statement, so tests can assert batching ("the
 * countries of 50 communities take one statement") instead of timing anything. Pass it to
 * `startSubgraph(config, { queryLogger })`; services never keep statements otherwise.
 */
export class QueryCounter extends ServiceQueryLogger {
  /** Every statement since the last reset, in order. */
  readonly statements: string[] = [];

  reset(): void {
    this.statements.length = 0;
  }

  /** Statements that mention `fragment` (a table name, say). */
  matching(fragment: string | RegExp): string[] {
    return this.statements.filter((sql) => (typeof fragment === "string" ? sql.includes(fragment) : fragment.test(sql)));
  }

  override logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.statements.length >= 10_000) this.statements.shift();
    this.statements.push(query);
  }
}
