// One Jest run for every package. Tests import TypeScript sources directly (swc, with decorator
// metadata); @scg/* workspace packages map to their src/ so no build is needed before testing.
const { readFileSync } = require("node:fs");
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, "utf8"));
delete swc.$schema;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/shared", "<rootDir>/gateway", "<rootDir>/subgraphs", "<rootDir>/scripts"],
  testMatch: ["**/test/**/*.test.ts", "**/src/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  transform: { "^.+\\.ts$": ["@swc/jest", { ...swc, swcrc: false, sourceMaps: "inline" }] },
  moduleNameMapper: {
    "^@scg/shared$": "<rootDir>/shared/src/index.ts",
    "^@scg/shared/(data|embedded|testing)$": "<rootDir>/shared/src/$1/index.ts",
    "^@scg/gateway$": "<rootDir>/gateway/src/index.ts",
    "^@scg/scripts/testing$": "<rootDir>/scripts/src/testing/index.ts",
    "^@scg/(directory|partnerships|programs|events)$": "<rootDir>/subgraphs/$1/src/index.ts",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  globalSetup: "<rootDir>/scripts/src/jest/global-setup.ts",
  globalTeardown: "<rootDir>/scripts/src/jest/global-teardown.ts",
  testTimeout: 60_000,
  maxWorkers: 2,
};
