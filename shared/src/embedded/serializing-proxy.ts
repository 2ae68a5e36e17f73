import { createConnection, createServer, type Socket } from "node:net";

/**
 * A Postgres wire-protocol proxy that runs one client's request cycle at a time, in front of
 * the embedded PGlite (startEmbeddedPostgres always puts it there).
 *
 * Why: pglite-socket (0.2.17) queues client messages one by one, and keeps one client's messages
 * together only inside an explicit transaction. Outside one, the Parse/Bind/Execute/Sync messages of
 * two concurrent connections interleave on PGlite's single session, and a query runs with another
 * one's statement or portal ("portal "" does not exist", wrong rows). Real Postgres has no such
 * problem. This proxy buffers each client's messages up to Sync (or a simple Query), forwards the
 * whole cycle under a global lock, and keeps the lock while that client's transaction is open
 * (ReadyForQuery status "T" or "E"), so the embedded database really serializes concurrent clients.
 */
export interface SerializingProxy {
  url: string;
  stop(): Promise<void>;
}

class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return acquired;
  }
}

export async function startSerializingProxy(targetUrl: string, listen: { host?: string; port?: number } = {}): Promise<SerializingProxy> {
  const target = new URL(targetUrl);
  const lock = new Lock();
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    sockets.add(client);
    const backend = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(backend);
    let pending = Buffer.alloc(0); // client bytes not yet forwarded
    let cycle: Buffer[] = []; // complete messages of the current cycle
    let started = false; // the startup message has been seen
    let release: (() => void) | null = null;
    let inFlight = false; // a cycle was sent and its ReadyForQuery has not come back
    let responses = Buffer.alloc(0);
    const queue: Buffer[][] = [];
    let draining = false;

    const close = () => {
      release?.();
      release = null;
      client.destroy();
      backend.destroy();
      sockets.delete(client);
      sockets.delete(backend);
    };
    client.on("error", close);
    backend.on("error", close);
    client.on("close", close);
    backend.on("close", close);

    const drain = async () => {
      if (draining || inFlight) return;
      draining = true;
      const next = queue.shift();
      if (next) {
        release ??= await lock.acquire();
        inFlight = true;
        backend.write(Buffer.concat(next));
      }
      draining = false;
    };

    client.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          started = true;
          queue.push([pending.subarray(0, length)]);
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) break;
        const length = 1 + pending.readInt32BE(1);
        if (pending.length < length) break;
        const type = String.fromCharCode(pending[0]);
        cycle.push(pending.subarray(0, length));
        pending = pending.subarray(length);
        if (type === "S" || type === "Q") {
          queue.push(cycle);
          cycle = [];
        } else if (type === "X") {
          backend.write(Buffer.concat(cycle));
          cycle = [];
        }
      }
      void drain();
    });

    backend.on("data", (chunk) => {
      client.write(chunk);
      responses = Buffer.concat([responses, chunk]);
      while (responses.length >= 5) {
        const length = 1 + responses.readInt32BE(1);
        if (responses.length < length) break;
        const type = String.fromCharCode(responses[0]);
        const status = type === "Z" ? String.fromCharCode(responses[5]) : "";
        responses = responses.subarray(length);
        if (type === "Z") {
          inFlight = false;
          if (status === "I" && release) {
            release();
            release = null;
          }
          void drain();
        }
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port ?? 0, listen.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as { port: number };
  const url = new URL(targetUrl);
  url.hostname = listen.host ?? "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
