import { activityOf, locationOf, moduleOf, summarizeCpuProfile, type CpuProfile } from "./cpu-profile-summary";

const ROOT = "/repo";
const frame = (functionName: string, url = "", lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });
const GRAPHQL = "file:///repo/node_modules/graphql/execution/execute.js";

/**
 * (root) → handle (our gateway) → JSON.parse-like builtin, and → execute → execute (recursion);
 * plus garbage collection and idle. Every sample lasts 1 ms.
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 5, 7] },
    { id: 2, callFrame: frame("handle", "file:///repo/gateway/dist/server.js", 40), children: [3, 4] },
    { id: 3, callFrame: frame("parse") },
    { id: 4, callFrame: frame("execute", GRAPHQL, 10), children: [6] },
    { id: 6, callFrame: frame("execute", GRAPHQL, 10) },
    { id: 5, callFrame: frame("(garbage collector)") },
    { id: 7, callFrame: frame("(idle)") },
  ],
  startTime: 0,
  endTime: 8000,
  samples: [3, 3, 4, 6, 6, 5, 7, 7],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("summarizeCpuProfile", () => {
  const summary = summarizeCpuProfile(profile, ROOT);
  const round = <T extends { ms: number; percent: number }>(rows: T[]) => rows.map((r) => ({ ...r, percent: Math.round(r.percent * 10) / 10 }));

  it("counts busy and idle time apart, and self time per function and per module", () => {
    expect([summary.busyMs, summary.idleMs, summary.samples]).toEqual([6, 2, 8]);
    expect(round(summary.topSelf).map((r) => [r.name, r.ms, r.percent])).toEqual([
      ["execute", 3, 50],
      ["parse", 2, 33.3],
      ["(garbage collector)", 1, 16.7],
    ]);
    expect(summary.selfByModule.map((r) => [r.module, r.ms])).toEqual([
      ["graphql", 3],
      ["V8 builtins", 2],
      ["(garbage collector)", 1],
    ]);
  });

  it("charges each sample to the innermost frame that names a kind of work", () => {
    expect(summary.byActivity.map((r) => [r.module, r.ms])).toEqual([
      ["graphql-js: execution", 3],
      ["JSON.parse", 2],
      ["garbage collection", 1],
    ]);
  });

  it("charges builtins to the module that called them", () => {
    expect(summary.attributedByModule.map((r) => [r.module, r.ms])).toEqual([
      ["graphql", 3],
      ["ours: gateway", 2],
      ["(garbage collector)", 1],
    ]);
  });

  it("counts a recursive function once in inclusive time", () => {
    expect(summary.topInclusive.map((r) => [r.name, r.ms, r.location])).toEqual([
      ["handle", 5, "gateway/src/server.ts"],
      ["execute", 3, "graphql/execution/execute.js:11"],
      ["parse", 2, ""],
      ["(garbage collector)", 1, ""],
    ]);
    expect(summary.inclusiveByModule.map((r) => [r.module, r.ms])).toEqual([
      ["ours: gateway", 5],
      ["graphql", 3],
      ["V8 builtins", 2],
      ["(garbage collector)", 1],
    ]);
  });
});

describe("activityOf", () => {
  it("names the work of libraries, Node's fetch and sockets, JSON and crypto, and passes plumbing to the caller", () => {
    expect(activityOf("transform", "file:///r/node_modules/typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js", "typeorm")).toBe("TypeORM: entities (hydration, metadata)");
    expect(activityOf("getQuery", "file:///r/node_modules/typeorm/query-builder/SelectQueryBuilder.js", "typeorm")).toBe("TypeORM: query building & running");
    expect(activityOf("parse", "file:///r/node_modules/pg-protocol/dist/parser.js", "pg-protocol")).toBe("pg driver");
    expect(activityOf("f", "node:internal/deps/undici/undici", "node: other")).toBe("fetch client (undici, web streams)");
    expect(activityOf("f", "wasm://wasm/0002f80e", "other")).toBe("fetch client (undici, web streams)");
    expect(activityOf("writev", "", "V8 builtins")).toBe("HTTP & sockets (node)");
    expect(activityOf("Hmac", "", "V8 builtins")).toBe("crypto (credentials)");
    expect(activityOf("runMicrotasks", "", "V8 builtins")).toBeNull();
    expect(activityOf("processTicksAndRejections", "node:internal/process/task_queues", "node: timers & async")).toBeNull();
    expect(activityOf("info", "file:///r/node_modules/pino/lib/proto.js", "pino")).toBe("logging (pino)");
  });
});

describe("moduleOf and locationOf", () => {
  it("name npm packages (scoped too), our packages, Node internals and pseudo-frames", () => {
    expect(moduleOf("file:///repo/node_modules/@apollo/gateway/dist/executeQueryPlan.js", "f", ROOT)).toBe("@apollo/gateway");
    expect(moduleOf("/repo/node_modules/a/node_modules/pg-protocol/dist/parser.js", "f", ROOT)).toBe("pg-protocol");
    expect(moduleOf("file:///repo/subgraphs/directory/dist/loaders/x.js", "f", ROOT)).toBe("ours: subgraphs/directory");
    expect(moduleOf("node:internal/streams/readable", "f", ROOT)).toBe("node: streams");
    expect(moduleOf("node:_http_server", "f", ROOT)).toBe("node: http");
    expect(moduleOf("", "(program)", ROOT)).toBe("(program)");
    expect(moduleOf("", "stringify", ROOT)).toBe("V8 builtins");
  });

  it("show package paths with 1-based lines and our dist files as their sources", () => {
    expect(locationOf("file:///repo/node_modules/typeorm/query-builder/SelectQueryBuilder.js", 99, ROOT)).toBe("typeorm/query-builder/SelectQueryBuilder.js:100");
    expect(locationOf("file:///repo/shared/dist/loaders/key-ordered.js", 5, ROOT)).toBe("shared/src/loaders/key-ordered.ts");
  });
});
