import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CHROMIUM_PATH, hasChromium, openPage, staysOnLoopback } from "./browser.js";

describe("staysOnLoopback", () => {
  it("is true for loopback hosts and for data:/blob: URLs, false for anything else", () => {
    for (const url of ["http://127.0.0.1:4000/graphql", "http://localhost/x", "http://[::1]:8080/", "data:font/woff2;base64,AA", "blob:http://127.0.0.1:4000/0b7c"]) {
      expect({ url, loopback: staysOnLoopback(url) }).toEqual({ url, loopback: true });
    }
    for (const url of ["https://unpkg.com/graphiql", "http://10.0.0.1/", "http://127.0.0.1.example.org/", "not a url"]) {
      expect({ url, loopback: staysOnLoopback(url) }).toEqual({ url, loopback: false });
    }
  });
});

const describeInBrowser = hasChromium() ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: no chromium at ${CHROMIUM_PATH})`, fn);

describeInBrowser("openPage", () => {
  // A page that does everything a working page must not: each kind of problem once, plus a 403 the test expects.
  const html = `<!doctype html><title>problems</title>
<img src="/missing.png"><img src="/forbidden.png"><img src="http://192.0.2.1/beacon.png">
<script>console.error("something broke"); setTimeout(() => { throw new Error("uncaught"); });</script>`;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(html);
      res.writeHead(req.url === "/forbidden.png" ? 403 : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("records console errors, page errors, failed responses and requests that leave loopback (blocked); an expected failure is none", async () => {
    const opened = await openPage(`${base}/`, { expectedFailures: [{ url: "/forbidden.png", status: 403 }] });
    try {
      await opened.page.waitForTimeout(300);
      const problems = opened.problems();
      expect(problems.map((p) => p.kind).sort()).toEqual(["console-error", "console-error", "http-error", "left-loopback", "page-error"]);
      expect(problems).toEqual(
        expect.arrayContaining([
          { kind: "console-error", text: "something broke", url: `${base}/` },
          { kind: "http-error", text: `GET ${base}/missing.png: HTTP 404`, url: `${base}/missing.png` },
          { kind: "left-loopback", text: "GET http://192.0.2.1/beacon.png", url: "http://192.0.2.1/beacon.png" },
          expect.objectContaining({ kind: "page-error", text: expect.stringContaining("uncaught") }),
        ]),
      );
      // The second console error is chromium's line for the 404; the expected 403 left none.
      expect(problems.filter((p) => p.kind === "console-error").map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining("404")]));
      expect(JSON.stringify(problems)).not.toContain("forbidden");
    } finally {
      await opened.close();
    }
  });
});
