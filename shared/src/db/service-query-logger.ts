import type { QueryRunner, Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "../logging/logger.js";

/**
 * What a service's data source reports: failed and slow SQL statements and migrations, to the
 * service log. Nothing is kept per statement (tests count statements with their own logger, see
 * @scg/shared/testing's QueryCounter).
 */
export class ServiceQueryLogger implements TypeOrmLogger {
  constructor(protected readonly serviceLog?: Logger) {}

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {}
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
