// @scg/scripts/testing: the harness integration tests share — the whole network in-process
// (startNetwork) or as `npm start` runs it (runNetwork), faults through TCP proxies, database helpers.
export * from "./start-network.js";
export * from "./run-network.js";
export * from "./run-cluster.js";
export * from "./tcp-proxy.js";
export * from "./free-port.js";
export * from "./database.js";
export * from "./browser.js";
export * from "./streaming-replica.js";
