import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** host:port clients connect to. */
  host: string;
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string;
  /**
   * Cuts every open connection (both sides reset) and, for `ms`, drops every new one as soon as it
   * arrives — what a network partition or a dying server looks like to the clients. Resolves when
   * the cut is over.
   */
  cut(ms: number): Promise<void>;
  /** Connections accepted so far (to see that clients came back). */
  readonly accepted: number;
  stop(): Promise<void>;
}

/**
 * A TCP proxy a test controls, between our services and a server it must not touch (the machine's
 * own Postgres or Redis): faults are made by cutting connections here, never by restarting theirs.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let cutUntil = 0;
  let accepted = 0;
  const server: Server = createServer((client) => {
    if (Date.now() < cutUntil) return void client.destroy();
    accepted += 1;
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    host: "127.0.0.1",
    port,
    through(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    async cut(ms) {
      cutUntil = Date.now() + ms;
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    get accepted() {
      return accepted;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
