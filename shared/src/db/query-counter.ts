import type { Logger as TypeOrmLogger, QueryRunner } from "typeorm";
import type { Logger } from "../logging/logger.js";

/**
 * A TypeORM logger that counts every SQL statement a data source sends, so tests can assert
 * batching ("the countries of 50 communities take one statement") instead of timing anything.
 * Errors and slow queries go to the service log.
 */
export class QueryCounter implements TypeOrmLogger {
  /** Every statement since the last reset, in order. */
  readonly statements: string[] = [];

  constructor(private readonly serviceLog?: Logger) {}

  reset(): void {
    this.statements.length = 0;
  }

  /** Statements that mention `fragment` (a table name, say). */
  matching(fragment: string | RegExp): string[] {
    return this.statements.filter((sql) => (typeof fragment === "string" ? sql.includes(fragment) : fragment.test(sql)));
  }

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.statements.length >= 10_000) this.statements.shift();
    this.statements.push(query);
  }
  logQueryError(error: string | Error, query: string): void {
    this.serviceLog?.error({ err: error, query }, "SQL statement failed");
  }
  logQuerySlow(time: number, query: string): void {
    this.serviceLog?.warn({ ms: time, query }, "slow SQL statement");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.serviceLog?.info(message);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.serviceLog?.warn(String(message));
  }
}
