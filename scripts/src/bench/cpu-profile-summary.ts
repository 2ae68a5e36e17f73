/** The parts of a V8 `.cpuprofile` (Chrome DevTools Profiler.Profile) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionTime {
  name: string;
  location: string;
  module: string;
  ms: number;
  /** Share of the process's busy (non-idle) sampled time. */
  percent: number;
}

export interface ModuleTime {
  module: string;
  ms: number;
  percent: number;
}

/**
 * Where one process's CPU went. `byActivity` charges each sample to the innermost frame that
 * names a kind of work (activityOf): a library, one of our packages, JSON, crypto, the fetch
 * client, sockets — generic builtins and Node's event-loop plumbing pass it to their caller; it
 * sums to 100%. `self` counts a sample for the function on top of the stack;
 * `inclusive` for every distinct function (or module) on the stack, so a library that calls back
 * into others (graphql-js → resolvers → TypeORM) includes its callees. `attributed` charges
 * Node's internals and V8 builtins (JSON.parse, Buffer, streams) to the nearest module above them
 * on the stack, which answers "whose work is this".
 */
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  samples: number;
  topSelf: FunctionTime[];
  topInclusive: FunctionTime[];
  byActivity: ModuleTime[];
  selfByModule: ModuleTime[];
  attributedByModule: ModuleTime[];
  inclusiveByModule: ModuleTime[];
}

/** Event-loop frames that hold everything (listed in inclusive time they only say "async work ran"). */
const PLUMBING = /^(runMicrotasks|processTicksAndRejections|listOnTimeout|processTimers|emit|runInAsyncScope|process\.processTicksAndRejections)$/;

const PSEUDO = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);

/**
 * The module a frame belongs to: an npm package (the last node_modules segment, scope included),
 * one of our packages ("ours: gateway", "ours: subgraphs/directory"), a Node internal group, a V8
 * builtin, or a pseudo-frame such as "(garbage collector)".
 */
export function moduleOf(url: string, functionName: string, root: string): string {
  if (!url) return PSEUDO.has(functionName) ? functionName : "V8 builtins";
  if (url.startsWith("node:")) {
    if (/_http|http_parser|internal\/http/.test(url)) return "node: http";
    if (/stream/.test(url)) return "node: streams";
    if (/net|dns|tcp/.test(url)) return "node: net";
    if (/timers|async_hooks|process\/task_queues|promise/.test(url)) return "node: timers & async";
    return "node: other";
  }
  const path = url.replace(/^file:\/\//, "");
  const marker = path.lastIndexOf("/node_modules/");
  if (marker !== -1) {
    const rest = path.slice(marker + "/node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const base = root.endsWith("/") ? root : `${root}/`;
  if (path.startsWith(base)) {
    const parts = path.slice(base.length).split("/");
    return `ours: ${parts[0] === "subgraphs" ? `subgraphs/${parts[1]}` : parts[0]}`;
  }
  return "other";
}

const PACKAGE_ACTIVITIES: [RegExp, string][] = [
  [/^(pg|pg-protocol|pg-pool|pg-types|pg-connection-string|postgres-\w+|pgpass)$/, "pg driver"],
  [/^class-transformer$/, "class-transformer"],
  [/^class-validator$/, "class-validator"],
  [/^type-graphql$/, "type-graphql (resolver glue, middleware)"],
  [/^@apollo\/gateway$/, "@apollo/gateway executor (plan execution, result shaping)"],
  [/^@apollo\/(query-planner|federation-internals|composition)$/, "query planning & federation internals"],
  [/^@apollo\/subgraph$/, "@apollo/subgraph (_entities, references)"],
  [/^@apollo\/(server|server-gateway-interface|utils\..*|cache-control-types|usage-reporting-protobuf)$/, "Apollo Server request pipeline"],
  [/^(express|body-parser|raw-body|router|finalhandler|send|cors|qs|content-type|iconv-lite|media-typer|type-is|on-finished|negotiator|accepts|depd|statuses|http-errors|vary|path-to-regexp|mime-types|parseurl|cookie)$/, "express & body parsing"],
  [/^dataloader$/, "DataLoader"],
  [/^(pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact|on-exit-leak-free|quick-format-unescaped|atomic-sleep|safe-stable-stringify)$/, "logging (pino)"],
  [/^@opentelemetry\//, "OpenTelemetry API (no-op spans)"],
  [/^prom-client$/, "metrics (prom-client)"],
  [/^jose$/, "credentials (jose)"],
  [/^@graphql-tools\//, "@graphql-tools"],
];

const SOCKET_NATIVES = new Set(["writev", "writeBuffer", "writeUtf8String", "writeLatin1String", "WriteWrap", "ShutdownWrap", "shutdown", "close", "connect", "setNoDelay", "readStop", "readStart", "TCPWrap"]);
const CRYPTO_NATIVES = new Set(["Hash", "Hmac", "digest", "update", "init", "timingSafeEqual", "sign", "verify", "randomUUID", "getRandomValues"]);

/**
 * The kind of work a frame does, or null when it is plumbing that works for its caller (generic
 * builtins such as runMicrotasks, Node's timers, events and task queues).
 */
export function activityOf(functionName: string, url: string, module: string): string | null {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 and native (program)";
  if (!url) {
    if (functionName === "parse") return "JSON.parse";
    if (functionName === "stringify") return "JSON.stringify";
    if (SOCKET_NATIVES.has(functionName)) return "HTTP & sockets (node)";
    if (CRYPTO_NATIVES.has(functionName)) return "crypto (credentials)";
    return null;
  }
  if (url.startsWith("wasm://") || /^node:internal\/(deps\/undici|webstreams|worker\/js_transferable|bootstrap\/web|abort_controller)/.test(url)) return "fetch client (undici, web streams)";
  if (/^node:(_http|net$|internal\/(http|stream_base_commons|streams|net|js_stream|dns))/.test(url)) return "HTTP & sockets (node)";
  if (/^node:(internal\/)?crypto/.test(url)) return "crypto (credentials)";
  if (url.startsWith("node:")) return null;
  if (module === "typeorm") return /\/query-builder\/transformer\/|\/entity-manager\/|\/metadata\//.test(url) ? "TypeORM: entities (hydration, metadata)" : "TypeORM: query building & running";
  if (module === "graphql") {
    if (url.includes("/graphql/execution/")) return "graphql-js: execution";
    if (url.includes("/graphql/language/")) return "graphql-js: parse & print";
    if (url.includes("/graphql/validation/")) return "graphql-js: validation";
    return "graphql-js: types & utilities";
  }
  for (const [pattern, activity] of PACKAGE_ACTIVITIES) if (pattern.test(module)) return activity;
  return module;
}

/** A frame's place for people: package-relative path and 1-based line; our dist/ shown as its src/ file. */
export function locationOf(url: string, lineNumber: number, root: string): string {
  if (!url) return "";
  const path = url.replace(/^file:\/\//, "");
  const marker = path.lastIndexOf("/node_modules/");
  if (marker !== -1) return `${path.slice(marker + "/node_modules/".length)}:${lineNumber + 1}`;
  const base = root.endsWith("/") ? root : `${root}/`;
  if (path.startsWith(base)) return path.slice(base.length).replace("/dist/", "/src/").replace(/\.js$/, ".ts"); // dist lines are not src lines
  return `${path}:${lineNumber + 1}`;
}

/** Summarises a profile: the `top` heaviest functions by self and inclusive time, and time by module. */
export function summarizeCpuProfile(profile: CpuProfile, root: string, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next sample (the last one gets the mean gap), in ms.
  const meanGap = samples.length > 1 ? (profile.endTime - profile.startTime) / samples.length : 0;
  const selfMs = new Map<number, number>();
  samples.forEach((id, i) => {
    const gap = i + 1 < deltas.length ? deltas[i + 1] : meanGap;
    selfMs.set(id, (selfMs.get(id) ?? 0) + gap / 1000);
  });

  const info = new Map<number, { key: string; name: string; module: string; location: string; activity: string | null }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const module = moduleOf(url, functionName, root);
    info.set(node.id, { key: `${name}|${url}|${lineNumber}|${columnNumber}`, name, module, location: locationOf(url, lineNumber, root), activity: activityOf(functionName, url, module) });
  }

  // Tree totals (self + descendants), bottom-up.
  const totalMs = new Map<number, number>();
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const rootNode = profile.nodes.find((node) => !children.has(node.id)) ?? profile.nodes[0];
  const order: number[] = [];
  const stack = [rootNode.id];
  while (stack.length) {
    const id = stack.pop()!;
    order.push(id);
    for (const child of byId.get(id)?.children ?? []) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    let total = selfMs.get(id) ?? 0;
    for (const child of byId.get(id)?.children ?? []) total += totalMs.get(child) ?? 0;
    totalMs.set(id, total);
  }

  const idleMs = [...selfMs].filter(([id]) => info.get(id)!.name === "(idle)").reduce((sum, [, ms]) => sum + ms, 0);
  const busyMs = [...selfMs.values()].reduce((a, b) => a + b, 0) - idleMs;
  const percent = (ms: number) => (busyMs > 0 ? (100 * ms) / busyMs : 0);

  const selfByFunction = new Map<string, FunctionTime>();
  const inclusiveByFunction = new Map<string, FunctionTime>();
  const byActivity = new Map<string, number>();
  const selfByModule = new Map<string, number>();
  const attributed = new Map<string, number>();
  const inclusiveByModule = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const addFunction = (map: Map<string, FunctionTime>, id: number, ms: number) => {
    const { key, name, location, module } = info.get(id)!;
    const entry = map.get(key) ?? { name, location, module, ms: 0, percent: 0 };
    entry.ms += ms;
    map.set(key, entry);
  };
  const isOwner = (module: string) => !module.startsWith("node:") && module !== "V8 builtins" && !PSEUDO.has(module);

  // Depth-first with the functions and modules already on the path, so recursion counts once.
  const onPath = new Map<string, number>();
  const modulesOnPath = new Map<string, number>();
  const visit = (id: number, owner: string | null, activity: string | null) => {
    const node = info.get(id)!;
    if (node.name === "(root)" || node.name === "(idle)") {
      for (const child of byId.get(id)?.children ?? []) visit(child, owner, activity);
      return;
    }
    const self = selfMs.get(id) ?? 0;
    const mine = isOwner(node.module) ? node.module : owner;
    const doing = node.activity ?? activity;
    if (self > 0) {
      addFunction(selfByFunction, id, self);
      add(byActivity, doing ?? "event loop & builtins (no caller)", self);
      add(selfByModule, node.module, self);
      add(attributed, PSEUDO.has(node.module) ? node.module : mine ?? node.module, self);
    }
    if (!onPath.get(node.key)) addFunction(inclusiveByFunction, id, totalMs.get(id) ?? 0);
    if (!modulesOnPath.get(node.module)) add(inclusiveByModule, node.module, totalMs.get(id) ?? 0);
    onPath.set(node.key, (onPath.get(node.key) ?? 0) + 1);
    modulesOnPath.set(node.module, (modulesOnPath.get(node.module) ?? 0) + 1);
    for (const child of byId.get(id)?.children ?? []) visit(child, mine, doing);
    onPath.set(node.key, onPath.get(node.key)! - 1);
    modulesOnPath.set(node.module, modulesOnPath.get(node.module)! - 1);
  };
  visit(rootNode.id, null, null);

  const functions = (map: Map<string, FunctionTime>) =>
    [...map.values()]
      .map((entry) => ({ ...entry, percent: percent(entry.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  const modules = (map: Map<string, number>) =>
    [...map]
      .map(([module, ms]) => ({ module, ms, percent: percent(ms) }))
      .sort((a, b) => b.ms - a.ms);
  return {
    busyMs,
    idleMs,
    samples: samples.length,
    topSelf: functions(selfByFunction),
    topInclusive: functions(new Map([...inclusiveByFunction].filter(([, entry]) => !PLUMBING.test(entry.name) && entry.module !== "node: timers & async"))),
    byActivity: modules(byActivity),
    selfByModule: modules(selfByModule),
    attributedByModule: modules(attributed),
    inclusiveByModule: modules(inclusiveByModule),
  };
}
