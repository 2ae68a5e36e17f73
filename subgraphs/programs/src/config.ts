import { readServiceConfig } from "@scg/shared";

/**
 * The programs subgraph's configuration: the only place it reads the environment.
 * `subgraphUrls.partnerships` and `subgraphUrls.directory` (PARTNERSHIPS_URL, DIRECTORY_URL) are
 * asked by `createProgram`, which must check data those subgraphs own.
 */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => readServiceConfig("programs", env, { calls: ["partnerships", "directory"] });
export type ProgramsConfig = ReturnType<typeof loadConfig>;
