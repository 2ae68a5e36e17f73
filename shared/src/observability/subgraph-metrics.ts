import type { ApolloServerPlugin } from "@apollo/server";
import type DataLoader from "dataloader";
import { Gauge, Histogram } from "prom-client";
import { ServiceMetrics } from "./service-metrics.js";

/** A connection pool's counts, as node-postgres's Pool keeps them. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** A DataLoader's batch function, which DataLoader keeps (unexported) and calls with each batch's keys. */
type ObservableLoader = DataLoader<unknown, unknown> & { _batchLoadFn: (keys: readonly unknown[]) => PromiseLike<ArrayLike<unknown>> };

/**
 * A subgraph's metrics, beside those every service has: how long each root field's resolver
 * takes (`graphql_resolver_duration_seconds`; the label is `Type.field`, bounded by the schema),
 * how many keys each DataLoader batch holds (`dataloader_batch_size`, by loader name), and the
 * database pools (`db_pool_connections` in use and idle, `db_pool_waiting_requests`, each labelled
 * `pool`: `primary`, and `replica` with DATABASE_READ_URL), read when Prometheus scrapes.
 */
export class SubgraphMetrics extends ServiceMetrics {
  private readonly resolverDuration: Histogram<"field" | "outcome">;
  private readonly batchSize: Histogram<"loader">;
  private readonly observed = new WeakSet<object>();

  /** `pools`: the service's connection pools by name (`primary`, `replica`), read at each scrape. */
  constructor(service: string, pools: () => Readonly<Record<string, PoolCounts>>) {
    super(service);
    const registers = [this.registry];
    this.resolverDuration = new Histogram({
      name: "graphql_resolver_duration_seconds",
      help: "Time in each root field's resolver (Query.x, Mutation.y, Query._entities), until its value is ready.",
      labelNames: ["field", "outcome"],
      registers,
    });
    this.batchSize = new Histogram({
      name: "dataloader_batch_size",
      help: "Keys in each DataLoader batch (one SQL statement each), by loader.",
      labelNames: ["loader"],
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
      registers,
    });
    new Gauge({
      name: "db_pool_connections",
      help: "Database connections of this service's pools (primary; replica with DATABASE_READ_URL), in use or idle.",
      labelNames: ["pool", "state"],
      registers,
      collect() {
        for (const [name, counts] of Object.entries(pools())) {
          this.set({ pool: name, state: "in_use" }, counts.totalCount - counts.idleCount);
          this.set({ pool: name, state: "idle" }, counts.idleCount);
        }
      },
    });
    new Gauge({
      name: "db_pool_waiting_requests",
      help: "Queries waiting for a free database connection, by pool.",
      labelNames: ["pool"],
      registers,
      collect() {
        for (const [name, counts] of Object.entries(pools())) this.set({ pool: name }, counts.waitingCount);
      },
    });
  }

  /** Times every root field's resolver; fields below the root are left alone (one check each). */
  resolverTimingPlugin(): ApolloServerPlugin {
    const histogram = this.resolverDuration;
    return {
      async requestDidStart() {
        return {
          async executionDidStart() {
            return {
              willResolveField({ info }) {
                if (info.path.prev !== undefined) return;
                const end = histogram.startTimer({ field: `${info.parentType.name}.${info.fieldName}` });
                return (error) => end({ outcome: error ? "error" : "ok" });
              },
            };
          },
        };
      },
    };
  }

  /**
   * Records each batch of a request's loaders (`context.loaders`), labelled with its name there.
   * DataLoader has no hook for this, so each loader's batch function is wrapped, once; a loader
   * family (a function that makes a loader per argument set) has the loaders it makes wrapped.
   */
  observeLoaders(loaders: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(loaders)) {
      if (isLoader(value)) this.observeLoader(value, name);
      else if (typeof value === "function") {
        const family = value as (...args: unknown[]) => unknown;
        loaders[name] = (...args: unknown[]) => {
          const made = family(...args);
          if (isLoader(made)) this.observeLoader(made, name);
          return made;
        };
      }
    }
  }

  private observeLoader(loader: ObservableLoader, name: string): void {
    if (this.observed.has(loader)) return;
    this.observed.add(loader);
    const batch = loader._batchLoadFn;
    const histogram = this.batchSize;
    loader._batchLoadFn = (keys) => {
      histogram.observe({ loader: name }, keys.length);
      return batch.call(loader, keys);
    };
  }
}

function isLoader(value: unknown): value is ObservableLoader {
  return typeof (value as Partial<ObservableLoader> | null)?._batchLoadFn === "function";
}
