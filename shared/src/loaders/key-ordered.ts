import DataLoader from "dataloader";

/**
 * The DataLoader batch contract, written once: one result per key, in key order,
 * `null` where no row has that key. Rows may arrive in any order; duplicates keep the first.
 */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Like orderByKeys for one-to-many access paths: one (possibly empty) array per key, in key order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K | readonly K[]): V[][] {
  const byKey = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    const owners = keyOf(row);
    for (const key of (Array.isArray(owners) ? owners : [owners]) as K[]) byKey.get(key)?.push(row);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * A loader for a unique key: `fetch` gets the distinct keys of one batch (one SQL statement)
 * and the loader answers each key with its row or `null`. Create one per request.
 */
export function createKeyLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
  options: DataLoader.Options<K, V | null, K> = {},
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => orderByKeys(keys, await fetch(keys), keyOf), options);
}

/** A loader for a one-to-many key: each key answers with the rows that belong to it (maybe none). */
export function createGroupLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K | readonly K[],
  options: DataLoader.Options<K, V[], K> = {},
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => groupByKeys(keys, await fetch(keys), keyOf), options);
}

/**
 * Loaders for a field that takes arguments (a page size, a status filter): one DataLoader per
 * distinct argument set, made on first use within the request, so the same field asked with the
 * same arguments for many parents is still one statement. `keyOf` names an argument set (JSON by
 * default; normalise first where order does not matter). Create one family per request.
 */
export function loaderFamily<A, K, V>(create: (args: A) => DataLoader<K, V>, keyOf: (args: A) => string = (args) => JSON.stringify(args)): (args: A) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (args) => {
    const key = keyOf(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = create(args)));
    return loader;
  };
}
