// @scg/shared/data: the real data and the generated samples, for importers, seeds and tests.
// A running service never loads this entry point (its importers are loaded only to seed).
export * from "./sister-city-pairs.js";
export * from "./sister-city-communities.js";
export * from "./community-aliases.js";
export * from "./gazetteer.js";
export * from "./source-tags.js";
export * from "./data-audit.js";
export * from "./sample-programs.js";
export * from "./synthetic-network.js";
