import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { haproxyPath } from "./cluster-balancer";

/**
 * docker-compose.yml as a real deployment, checked here without Docker (this machine has the
 * docker CLI but not its compose plugin): the file validates against the Compose Specification's
 * JSON schema (deploy/compose-spec.schema.json, from compose-spec/compose-spec), and says what a
 * deployment needs — replicas behind a balancer, health checks, required secrets, a read replica.
 */
const ROOT = join(__dirname, "..", "..");
const compose = parse(readFileSync(join(ROOT, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, { image?: string; ports?: string[]; deploy?: { replicas?: number }; healthcheck?: unknown; environment?: Record<string, string> }>;
};
const text = readFileSync(join(ROOT, "docker-compose.yml"), "utf8");

describe("docker-compose.yml", () => {
  // The schema names its draft-07 meta-schema by an id Ajv does not know; the schema itself is draft-07.
  const validate = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(JSON.parse(readFileSync(join(ROOT, "deploy", "compose-spec.schema.json"), "utf8")));

  it("validates against the Compose Specification schema", () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the schema check fails a file that is not Compose", () => {
    expect(validate({ services: { gateway: { image: "x", replicas: 2, deploy: { replicas: "two" } } } })).toBe(false);
    expect(validate.errors!.map((error) => error.instancePath)).toEqual(expect.arrayContaining(["/services/gateway"]));
  });

  it("runs gateway replicas without a host port behind a balancer on :4000, every service health-checked", () => {
    const { services } = compose;
    expect(services.gateway.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.gateway.ports).toBeUndefined();
    expect(services.balancer.ports).toEqual(["4000:4000"]);
    for (const name of Object.keys(services).filter((name) => name !== "migrate")) expect({ name, healthcheck: Boolean(services[name].healthcheck) }).toEqual({ name, healthcheck: true });
    // Subgraphs read from the streaming replica, write to the primary.
    expect(services.directory.environment?.DATABASE_READ_URL).toContain("@postgres-replica:5432/");
    expect(services.directory.environment?.DATABASE_URL).toContain("@postgres:5432/");
  });

  it("refuses to start without its secrets, and never defaults one to empty", () => {
    for (const secret of ["INTERNAL_SECRET", "JWT_SECRET", "POSTGRES_PASSWORD", "REPLICATION_PASSWORD"]) {
      expect(text).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
      expect(text).not.toMatch(new RegExp(`\\$\\{${secret}:-`));
    }
  });

  it("keeps the host's dependencies, data and secrets out of images (.dockerignore)", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n").map((line) => line.trim());
    for (const entry of ["node_modules", ".data", ".env", "**/dist"]) expect(ignored).toContain(entry);
  });

  const haproxy = haproxyPath();
  (haproxy ? it : it.skip)("its balancer configuration is valid for HAProxy (haproxy -c)", () => {
    expect(existsSync(join(ROOT, "deploy", "haproxy", "haproxy.cfg"))).toBe(true);
    expect(execFileSync(haproxy!, ["-c", "-f", join(ROOT, "deploy", "haproxy", "haproxy.cfg")], { encoding: "utf8" })).toMatch(/Configuration file is valid/);
  });
});
