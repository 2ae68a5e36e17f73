import { mkdirSync } from "node:fs";
import { startSerializingProxy } from "./serializing-proxy.js";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the data lives between starts; omit for an in-memory database. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * PGlite is a single Postgres session; the socket server queues client connections onto it.
   * This must be at least the sum of every pool that connects, or pools fail with
   * "Connection terminated unexpectedly" (STACK.md, pitfall 9).
   */
  maxConnections?: number;
}

/**
 * The embedded default: PGlite (Postgres compiled to WebAssembly) served over the Postgres
 * wire protocol on a local port, so every service connects with the same `pg` driver it uses
 * against a real server. One instance serves all subgraphs (each in its own schema).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  const host = options.host ?? "127.0.0.1";
  // PGlite's socket server listens on a private port; clients reach it through the serializing
  // proxy, which keeps each client's request cycle together (see serializing-proxy.ts).
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: options.maxConnections ?? 100 });
  await server.start();
  // getServerConn() is "host:port" with the port actually bound.
  const proxy = await startSerializingProxy(`postgres://postgres@${server.getServerConn()}/postgres`, { host, port: options.port ?? 0 });
  return {
    url: proxy.url,
    async stop() {
      await proxy.stop();
      await server.stop();
      await db.close();
    },
  };
}
