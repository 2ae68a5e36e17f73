import { connect, type Socket } from "node:net";

/** An HTTP/1.1 answer as the load generator needs it. */
export interface RawResponse {
  status: number;
  /** The header section, lower-cased (small: read with indexOf). */
  headers: string;
  body: Buffer;
}

const HEADER_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** The value of header `name` (lower-case) in a lower-cased header section, or null. */
export function headerValue(headers: string, name: string): string | null {
  const at = headers.indexOf(`\r\n${name}:`);
  if (at === -1) return null;
  const start = at + name.length + 3;
  const end = headers.indexOf("\r\n", start);
  return headers.slice(start, end === -1 ? undefined : end).trim();
}

/**
 * Parses one HTTP/1.1 response from the start of `data`: the response and the bytes it took, or
 * null when more bytes are needed. Handles Content-Length and chunked bodies (no trailers); a
 * response with neither ends when the connection does (the caller handles that).
 */
export function parseResponse(data: Buffer): { response: RawResponse; length: number } | null | "until-close" {
  const headerEnd = data.indexOf(HEADER_END);
  if (headerEnd === -1) return null;
  const head = data.toString("latin1", 0, headerEnd).toLowerCase();
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + 4;
  const contentLength = headerValue(head, "content-length");
  if (contentLength !== null) {
    const end = bodyStart + Number(contentLength);
    if (data.length < end) return null;
    return { response: { status, headers: head, body: data.subarray(bodyStart, end) }, length: end };
  }
  if (headerValue(head, "transfer-encoding")?.includes("chunked")) {
    const parts: Buffer[] = [];
    let at = bodyStart;
    for (;;) {
      const lineEnd = data.indexOf(CRLF, at);
      if (lineEnd === -1) return null;
      const size = parseInt(data.toString("latin1", at, lineEnd), 16);
      if (!Number.isFinite(size)) throw new Error(`Bad chunk size line: ${JSON.stringify(data.toString("latin1", at, lineEnd))}.`);
      if (size === 0) {
        const end = lineEnd + 4; // "0\r\n\r\n"
        if (data.length < end) return null;
        return { response: { status, headers: head, body: parts.length === 1 ? parts[0] : Buffer.concat(parts) }, length: end };
      }
      const chunkEnd = lineEnd + 2 + size;
      if (data.length < chunkEnd + 2) return null;
      parts.push(data.subarray(lineEnd + 2, chunkEnd));
      at = chunkEnd + 2;
    }
  }
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return { response: { status, headers: head, body: Buffer.alloc(0) }, length: bodyStart };
  return "until-close";
}

/**
 * One keep-alive HTTP/1.1 connection that sends one request at a time (no pipelining), written
 * as pre-built bytes and read with a minimal parser: a few microseconds a request, where Node's
 * http client costs ~0.2 ms — on two shared cores the load generator's CPU is taken from what it
 * measures. Reconnects after the server closes or a timeout.
 */
export class HttpConnection {
  private socket: Socket | null = null;
  private pending: { resolve: (r: RawResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private received: Buffer[] = [];
  private receivedLength = 0;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends `bytes` (a whole request) and resolves with its answer; rejects on timeout or a broken connection. */
  send(bytes: Buffer, timeoutMs: number): Promise<RawResponse> {
    if (this.pending) return Promise.reject(new Error("HttpConnection sends one request at a time."));
    const socket = this.socket ?? this.open();
    return new Promise<RawResponse>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
      this.pending = { resolve, reject, timer };
      socket.write(bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    this.received = [];
    this.receivedLength = 0;
    socket.on("data", (chunk: Buffer) => {
      if (socket !== this.socket) return;
      this.received.push(chunk);
      this.receivedLength += chunk.length;
      this.tryParse(false);
    });
    const closed = (error?: Error) => {
      if (socket !== this.socket) return;
      if (this.pending && this.receivedLength > 0 && !error) this.tryParse(true);
      this.socket = null;
      if (this.pending) this.fail(error ?? new Error("connection closed before the answer was complete"));
    };
    socket.on("error", (error) => closed(error));
    socket.on("close", () => closed());
    return socket;
  }

  private tryParse(atClose: boolean): void {
    if (!this.pending) return;
    const data = this.received.length === 1 ? this.received[0] : Buffer.concat(this.received, this.receivedLength);
    this.received = [data];
    const parsed = parseResponse(data);
    if (parsed === null) return;
    if (parsed === "until-close") {
      if (!atClose) return;
      const headerEnd = data.indexOf(HEADER_END);
      const head = data.toString("latin1", 0, headerEnd).toLowerCase();
      return this.succeed({ status: Number(head.slice(9, 12)), headers: head, body: data.subarray(headerEnd + 4) }, data.length);
    }
    this.succeed(parsed.response, parsed.length);
    if (headerValue(parsed.response.headers, "connection") === "close") this.close();
  }

  private succeed(response: RawResponse, length: number): void {
    const rest = this.received[0].subarray(length);
    this.received = rest.length ? [rest] : [];
    this.receivedLength = rest.length;
    const pending = this.pending!;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(response);
  }

  private fail(error: Error): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    this.close();
    pending.reject(error);
  }
}
