import { readServiceConfig } from "@scg/shared";

/** The events subgraph's configuration: the only place it reads the environment. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => readServiceConfig("events", env, { calls: ["directory", "programs"] });
export type EventsConfig = ReturnType<typeof loadConfig>;
