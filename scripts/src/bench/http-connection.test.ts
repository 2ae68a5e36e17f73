import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { headerValue, HttpConnection, parseResponse } from "./http-connection";

describe("parseResponse", () => {
  const wire = (text: string) => Buffer.from(text, "latin1");

  it("reads a Content-Length answer, and waits while it is incomplete", () => {
    const full = wire("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Cache: HIT\r\nContent-Length: 11\r\n\r\n{\"data\":{}}NEXT");
    const parsed = parseResponse(full);
    expect(parsed).not.toBeNull();
    const { response, length } = parsed as Exclude<typeof parsed, null | "until-close">;
    expect([response.status, response.body.toString(), headerValue(response.headers, "x-cache"), full.subarray(length).toString()]).toEqual([200, '{"data":{}}', "hit", "NEXT"]);
    expect(parseResponse(full.subarray(0, 90))).toBeNull(); // headers whole, body not
    expect(parseResponse(wire("HTTP/1.1 200 OK\r\nContent-"))).toBeNull();
  });

  it("joins a chunked answer, and waits for the last chunk", () => {
    const full = wire("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    const parsed = parseResponse(full) as { response: { status: number; body: Buffer }; length: number };
    expect([parsed.response.status, parsed.response.body.toString(), parsed.length]).toEqual([400, "hello world", full.length]);
    expect(parseResponse(full.subarray(0, full.length - 2))).toBeNull();
  });

  it("leaves an answer with no length to the end of the connection", () => {
    expect(parseResponse(wire("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody"))).toBe("until-close");
  });
});

describe("HttpConnection", () => {
  let server: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c) => chunks.push(c));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString();
        if (body === "chunked") {
          response.write("part one, ");
          setTimeout(() => response.end("part two"), 5);
        } else if (body === "close") {
          response.setHeader("connection", "close");
          response.end("bye");
        } else response.end(`echo ${body}`);
      });
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const request = (body: string) => Buffer.from(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${body.length}\r\n\r\n${body}`);

  it("sends requests one after another on one kept-alive connection, and reconnects after the server closes it", async () => {
    const http = new HttpConnection("127.0.0.1", port);
    const before = connections;
    const answers = [];
    for (const body of ["a", "chunked", "b", "close", "c"]) answers.push((await http.send(request(body), 2000)).body.toString());
    http.close();
    expect(answers).toEqual(["echo a", "part one, part two", "echo b", "bye", "echo c"]);
    expect(connections - before).toBe(2);
  });

  it("rejects a request the server does not answer in time", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const http = new HttpConnection("127.0.0.1", (silent.address() as AddressInfo).port);
    await expect(http.send(request("x"), 100)).rejects.toThrow("timeout after 100 ms");
    http.close();
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});
