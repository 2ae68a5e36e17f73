import { readServiceConfig } from "@scg/shared";

/** The directory's configuration: the only place it reads the environment. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => readServiceConfig("directory", env);
export type DirectoryConfig = ReturnType<typeof loadConfig>;
