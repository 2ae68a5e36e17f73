// @scg/shared/testing: helpers for tests only (a service never loads this entry point).
export * from "./graphql-request.js";
export * from "./query-counter.js";
