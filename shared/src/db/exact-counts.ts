import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { readQuery } from "./read-routing.js";

/**
 * Exact counts computed once per change of their table. A list's `totalCount` is an exact COUNT,
 * and at scale (300,000 communities) counting what a common filter matches costs more than the
 * page itself. So each count is remembered with the table's data generation — a counter that a
 * statement-level trigger on the table bumps in the same transaction as any INSERT, UPDATE, DELETE
 * or TRUNCATE (see `dataGenerationSql`) — and reused while the generation is unchanged.
 *
 * Always one statement, hit or miss, read in one snapshot: it reads the generation and, only when
 * that differs from the remembered one (Postgres evaluates the CASE's sub-select only then), the
 * count. A count is therefore never stale: a generation equal to the one it was counted at means
 * no statement has changed the table since.
 */
export class ExactCounts {
  /** Per database (a driver per data source; request views share it), per count statement. */
  private readonly remembered = new WeakMap<object, Map<string, { generation: string; count: number }>>();

  constructor(
    private readonly schema: string,
    private readonly table: string,
    private readonly maxEntries = 5_000,
  ) {}

  /** The number of rows `query` selects (its selection and order are ignored). */
  async count(dataSource: DataSource, query: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
    return (await this.countMany(dataSource, [query]))[0];
  }

  /**
   * Remembers a count read elsewhere with the generation read in the same statement (a search's
   * page, which reads every match anyway, counts them with `count(*) OVER ()`), so that counting
   * the same query later costs only the generation check.
   */
  remember(dataSource: DataSource, query: SelectQueryBuilder<ObjectLiteral>, generation: string, count: number): void {
    let counts = this.remembered.get(dataSource.driver);
    if (!counts) this.remembered.set(dataSource.driver, (counts = new Map()));
    if (counts.size >= this.maxEntries) counts.clear();
    counts.set(countStatement(query).key, { generation, count });
  }

  /** The generation of this table, as a sub-select to put in another statement (for `remember`). */
  generationSql(): string {
    return `(SELECT generation::text FROM "${this.schema}"."data_generations" WHERE table_name = '${this.table}')`;
  }

  /**
   * The counts of several queries in one statement (a DataLoader's batch): one column per query,
   * each counted only when its remembered generation is not the table's current one.
   */
  async countMany(dataSource: DataSource, queries: readonly SelectQueryBuilder<ObjectLiteral>[]): Promise<number[]> {
    let counts = this.remembered.get(dataSource.driver);
    if (!counts) this.remembered.set(dataSource.driver, (counts = new Map()));
    const parameters: unknown[] = [];
    const keys: string[] = [];
    const columns = queries.map((query, i) => {
      const { countSql, own, key } = countStatement(query);
      keys.push(key);
      // This query's own $1…$n become $offset+1…: TypeORM numbers each query from 1.
      const offset = parameters.length;
      parameters.push(...own, counts!.get(key)?.generation ?? "");
      const renumbered = offset === 0 ? countSql : countSql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      return `CASE WHEN g.generation::text = $${parameters.length} THEN NULL ELSE (${renumbered}) END AS "c${i}"`;
    });
    parameters.push(this.table);
    const [row] = await readQuery<Record<string, string | number | null>>(
      dataSource,
      `SELECT g.generation::text AS generation, ${columns.join(", ")} FROM "${this.schema}"."data_generations" g WHERE g.table_name = $${parameters.length}`,
      parameters,
    );
    if (!row) throw new Error(`data_generations has no row for ${this.table}: is its migration applied?`);
    const generation = String(row.generation);
    return keys.map((key, i) => {
      const counted = row[`c${i}`];
      const known = counts!.get(key);
      if (counted === null && known) return known.count;
      const count = Number(counted);
      if (counts!.size >= this.maxEntries) counts!.clear();
      counts!.set(key, { generation, count });
      return count;
    });
  }
}

/** A query's COUNT statement, its parameters, and the key its count is remembered under. */
function countStatement(query: SelectQueryBuilder<ObjectLiteral>): { countSql: string; own: unknown[]; key: string } {
  const [countSql, own] = query.clone().select("count(*)::int").orderBy().limit(undefined).offset(undefined).getQueryAndParameters();
  return { countSql, own, key: `${countSql}\n${JSON.stringify(own)}` };
}

/**
 * The migration that gives `table` a data generation: the `data_generations` table (once per
 * schema) and a statement-level trigger that bumps the table's row whenever a statement changes it.
 */
export function dataGenerationSql(schema: string, table: string): { up: string[]; down: string[] } {
  const generations = `"${schema}"."data_generations"`;
  const target = `"${schema}"."${table}"`;
  return {
    up: [
      `CREATE TABLE IF NOT EXISTS ${generations} (table_name text PRIMARY KEY, generation bigint NOT NULL)`,
      // Qualified by the trigger's own schema, whatever the writer's search_path.
      `CREATE OR REPLACE FUNCTION "${schema}".bump_data_generation() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         EXECUTE format('UPDATE %I.data_generations SET generation = generation + 1 WHERE table_name = $1', TG_TABLE_SCHEMA) USING TG_TABLE_NAME;
         RETURN NULL;
       END $$`,
      `INSERT INTO ${generations} (table_name, generation) VALUES ('${table}', 1) ON CONFLICT (table_name) DO NOTHING`,
      `CREATE TRIGGER "${table}_data_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${target} FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".bump_data_generation()`,
    ],
    down: [`DROP TRIGGER IF EXISTS "${table}_data_generation" ON ${target}`, `DELETE FROM ${generations} WHERE table_name = '${table}'`],
  };
}
