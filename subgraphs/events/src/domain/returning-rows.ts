import type { EntityManager } from "typeorm";

/**
 * Runs one SQL statement inside a transaction and returns the rows it returned (its RETURNING
 * rows for an UPDATE). `manager.query` answers `[rows, rowCount]` for UPDATE and DELETE but the
 * bare rows for everything else; the structured result is the same for all statements.
 */
export async function returningRows<Row>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  if (!manager.queryRunner) throw new Error("returningRows runs only inside a transaction.");
  const result = await manager.queryRunner.query(sql, parameters, true);
  return (result.records ?? []) as Row[];
}
