import type { DataSource, ReplicationMode } from "typeorm";

/**
 * Where a request's reads go when its data source has a streaming replica (DATABASE_READ_URL).
 *
 * TypeORM's replication (createDataSource with `readUrl`) keeps a pool on each server. SELECTs
 * built by repositories and query builders (`find`, `findBy`, `getMany`, `getCount`, …) run where
 * `dataSource.defaultReplicationModeForReads()` says, the replica by default; everything else runs on
 * the primary: `transaction(…)` and everything inside it (locks such as `FOR UPDATE` included),
 * INSERT/UPDATE/DELETE however they are built, and raw `dataSource.query()` (read or not: TypeORM
 * cannot tell, so raw reads that belong on the replica go through `readQuery`).
 *
 * The replica is right for the gateway's queries, not for a request that writes: the reads a
 * mutation makes before its transaction (is this email registered? which version is current?) and
 * after it (the row it returns, read again through the request's loaders) must see the primary, or
 * a replica a few milliseconds behind answers with the world before the write. So every request
 * gets its own view of the data source (`requestDataSource`): the same driver, pools and metadata,
 * with a read target of its own that `readFromPrimary` moves to the primary for the rest of the
 * request. Repositories and query builders taken from the view ask it at each statement, so the
 * switch holds for the loaders made when the request began.
 *
 * Without a replica every request gets the data source itself and nothing here changes anything.
 */
export type ReadTarget = "replica" | "primary";

const MODES: Readonly<Record<ReadTarget, ReplicationMode>> = { replica: "slave", primary: "master" };

/** The read target of each request's view (absent: the process-wide data source, whose reads go to the replica). */
const targets = new WeakMap<DataSource, { mode: ReplicationMode }>();

/**
 * The data source one request works with: reads go to `target` (the replica, or the primary) until
 * `readFromPrimary`; writes always go to the primary. Without a replica, `dataSource` itself.
 */
export function requestDataSource(dataSource: DataSource, target: ReadTarget): DataSource {
  if (!dataSource.driver.isReplicated) return dataSource;
  const state = { mode: MODES[target] };
  // A view, not a copy: everything but the read mode (and the entity manager bound to the view,
  // through which getRepository and transaction reach it) is the shared data source's own.
  const view = Object.create(dataSource, {
    defaultReplicationModeForReads: { value: (): ReplicationMode => state.mode },
  }) as DataSource;
  Object.defineProperty(view, "manager", { value: view.createEntityManager() });
  targets.set(view, state);
  return view;
}

/** Sends the rest of a request's reads to the primary (a request view from requestDataSource; anything else is left alone). */
export function readFromPrimary(dataSource: DataSource): void {
  const state = targets.get(dataSource);
  if (state) state.mode = MODES.primary;
}

/** Where `dataSource` reads now: the primary without a replica, else the request's target. */
export function readTargetOf(dataSource: DataSource): ReadTarget {
  return dataSource.driver.isReplicated && dataSource.defaultReplicationModeForReads() === MODES.replica ? "replica" : "primary";
}

/**
 * A raw read-only statement, run where the data source reads (`dataSource.query` would always run
 * it on the primary). Returns the rows.
 */
export async function readQuery<Row>(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  const runner = dataSource.createQueryRunner(dataSource.defaultReplicationModeForReads());
  try {
    return (await runner.query(sql, parameters)) as Row[];
  } finally {
    await runner.release();
  }
}
