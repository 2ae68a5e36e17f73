import { readServiceConfig } from "@scg/shared";

/** The partnerships subgraph's configuration: the only place it reads the environment. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => readServiceConfig("partnerships", env, { calls: ["directory"] });
export type PartnershipsConfig = ReturnType<typeof loadConfig>;
