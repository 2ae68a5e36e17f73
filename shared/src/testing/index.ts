// @scg/shared/testing: helpers for tests only (a service never loads this entry point).
export * from "./graphql-request.js";
export * from "./query-counter.js";
export * from "./span-recorder.js";
export * from "./metrics-scrape.js";
export * from "./prometheus-text.js";
