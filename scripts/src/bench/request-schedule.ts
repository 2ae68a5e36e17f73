/** One request the load generator can send: `key` is its identity (the exact body sent). */
export interface ScheduledRequest {
  key: string;
  operation: string;
}

export interface ScheduleStats {
  /** Requests handed out. */
  taken: number;
  /** Draws from the sequence (each one sent at once, held back, or never sent). */
  drawn: number;
  /** Draws that were held back because an identical request was in flight. */
  deferred: number;
  /** Held-back draws still waiting when the run ended (never sent). */
  pendingDeferred: number;
}

/**
 * Hands the load generator's connections the next request of a deterministic sequence (`draw`).
 *
 * With `distinctInFlight`, two identical requests are never in flight at once: a draw whose twin
 * is still waiting for its answer is held back (FIFO by key) and sent as soon as the twin is
 * answered, and the connection takes the next draw meanwhile. This keeps in-flight deduplication
 * (ours, Hive's, any gateway's) from merging requests, so a cold figure is the cost of computing
 * every answer. The order requests go out in depends on timing; the multiset drawn does not.
 * `take()` answers null when `maxDrawsPerTake` draws in a row are all in flight (a distribution
 * too narrow for the concurrency); the caller then waits for `released()`.
 *
 * Without it (identical-request runs), every draw goes out at once.
 */
export class RequestSchedule<R extends ScheduledRequest> {
  private readonly inFlight = new Set<string>();
  private readonly held = new Map<string, { request: R; count: number }>();
  private readonly waiters: (() => void)[] = [];
  private taken = 0;
  private drawn = 0;
  private deferred = 0;

  constructor(
    private readonly draw: () => R,
    private readonly distinctInFlight: boolean,
    private readonly maxDrawsPerTake = 256,
  ) {}

  take(): R | null {
    if (!this.distinctInFlight) {
      this.taken++;
      this.drawn++;
      return this.draw();
    }
    for (const [key, entry] of this.held) {
      if (this.inFlight.has(key)) continue;
      if (--entry.count === 0) this.held.delete(key);
      return this.start(entry.request);
    }
    for (let i = 0; i < this.maxDrawsPerTake; i++) {
      const request = this.draw();
      this.drawn++;
      if (!this.inFlight.has(request.key)) return this.start(request);
      this.deferred++;
      const entry = this.held.get(request.key);
      if (entry) entry.count++;
      else this.held.set(request.key, { request, count: 1 });
    }
    return null;
  }

  /** The request's answer came (or it failed): an identical one may go now. */
  release(request: R): void {
    if (this.distinctInFlight) this.inFlight.delete(request.key);
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }

  /** Resolves at the next `release()`. */
  released(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stats(): ScheduleStats {
    let pendingDeferred = 0;
    for (const entry of this.held.values()) pendingDeferred += entry.count;
    return { taken: this.taken, drawn: this.drawn, deferred: this.deferred, pendingDeferred };
  }

  private start(request: R): R {
    this.inFlight.add(request.key);
    this.taken++;
    return request;
  }
}
