import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { haproxyConfig } from "./haproxy-config";
import { haproxyPath } from "./cluster-balancer";

describe("the balancer's configuration", () => {
  const config = haproxyConfig({ port: 4000, replicas: [{ name: "gateway-1", port: 4011 }, { name: "gateway-2", port: 4012 }], adminSocket: "/tmp/scg-haproxy.sock" });

  it("lists every replica with its health check on /serving, and replays only idempotent requests", () => {
    expect(config).toContain("server gateway-1 127.0.0.1:4011 check");
    expect(config).toContain("server gateway-2 127.0.0.1:4012 check");
    expect(config).toContain("http-check send meth GET uri /serving");
    expect(config).toContain("http-request disable-l7-retry if !METH_GET !METH_HEAD");
    expect(config).toContain("bind 0.0.0.0:4000");
  });

  const haproxy = haproxyPath();
  (haproxy ? it : it.skip)("is valid for the installed HAProxy (haproxy -c)", () => {
    const dir = mkdtempSync(join(tmpdir(), "scg-haproxy-"));
    const file = join(dir, "haproxy.cfg");
    writeFileSync(file, config.replace("/tmp/scg-haproxy.sock", join(dir, "admin.sock")));
    expect(execFileSync(haproxy!, ["-c", "-f", file], { encoding: "utf8" })).toMatch(/Configuration file is valid/);
  });
});
