import { ConfigError, readConfig } from "./read-config";
import { readServiceConfig } from "./service-config";
import { splitPoolSize } from "../db/create-data-source";

describe("configuration", () => {
  it("reads typed values with their fallbacks, trimmed, and freezes the result", () => {
    const config = readConfig(
      (read) => ({ port: read.port("PORT", 4000), on: read.bool("ON", false), list: read.list("LIST"), mode: read.oneOf("MODE", ["a", "b"], "a"), nested: { name: read.string("NAME", "x") } }),
      { PORT: " 4100 ", ON: "yes", LIST: "a, b,,c", MODE: "b" },
    );
    expect(config).toEqual({ port: 4100, on: true, list: ["a", "b", "c"], mode: "b", nested: { name: "x" } });
    expect(Object.isFrozen(config) && Object.isFrozen(config.nested)).toBe(true);
  });

  it("reports every problem at once, each naming the variable and the value", () => {
    let error: unknown;
    try {
      readConfig((read) => ({ port: read.port("PORT", 1), on: read.bool("ON", false), url: read.url("URL", "http://x"), mode: read.oneOf("MODE", ["a"], "a") }), {
        PORT: "70000", ON: "maybe", URL: "ftp://nope", MODE: "z",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a whole number from 0 to 65535, but is "70000".',
      'ON must be true or false, but is "maybe".',
      'URL must be a URL starting with http: or https:, but is "ftp://nope".',
      'MODE must be one of a, but is "z".',
    ]);
  });

  it("production requires its secrets and a database; development has fallbacks", () => {
    expect(readServiceConfig("events", {}).internalSecret).toMatch(/development-only/);
    expect(() => readServiceConfig("events", { NODE_ENV: "production" })).toThrow(/DATABASE_URL is required but is not set.\n  - INTERNAL_SECRET is required in production but is not set./);
    const production = readServiceConfig("events", { NODE_ENV: "production", INTERNAL_SECRET: "s", DATABASE_URL: "postgres://db/x" });
    expect(production).toMatchObject({ profile: "production", port: 4004, host: "127.0.0.1", cacheMaxAgeSeconds: 15 });
  });

  it("a read replica (DATABASE_READ_URL) is read beside DATABASE_URL, and refused without it (the embedded database has none)", () => {
    expect(readServiceConfig("events", {}).databaseReadUrl).toBeNull();
    const replicated = readServiceConfig("events", { DATABASE_URL: "postgres://primary/scg", DATABASE_READ_URL: "postgres://replica/scg" });
    expect(replicated).toMatchObject({ databaseUrl: "postgres://primary/scg", databaseReadUrl: "postgres://replica/scg" });
    expect(() => readServiceConfig("events", { DATABASE_READ_URL: "postgres://replica/scg" })).toThrow(/DATABASE_READ_URL is set but DATABASE_URL is not/);
    expect(() => readServiceConfig("events", { DATABASE_URL: "postgres://primary/scg", DATABASE_READ_URL: "http://replica" })).toThrow(
      /DATABASE_READ_URL must be a URL starting with postgres: or postgresql:, but is "http:\/\/replica"/,
    );
  });

  it("a subgraph reads the URLs of the subgraphs it calls, and only those", () => {
    expect(readServiceConfig("partnerships", { DIRECTORY_URL: "http://directory.internal/graphql" }, { calls: ["directory"] }).subgraphUrls).toEqual({
      directory: "http://directory.internal/graphql",
    });
    expect(readServiceConfig("directory", {}).subgraphUrls).toEqual({});
    expect(() => readServiceConfig("events", {}, { calls: ["nowhere"] })).toThrow(/No subgraph is called "nowhere"/);
  });

  it("with a replica, DATABASE_POOL_SIZE is split: a quarter on the primary, the rest on the replica, at least one each", () => {
    expect(splitPoolSize(10, false)).toEqual({ primary: 10, replica: 0 });
    expect([10, 4, 2, 1, 40].map((total) => splitPoolSize(total, true))).toEqual([
      { primary: 3, replica: 7 },
      { primary: 1, replica: 3 },
      { primary: 1, replica: 1 },
      { primary: 1, replica: 1 },
      { primary: 10, replica: 30 },
    ]);
  });
});
