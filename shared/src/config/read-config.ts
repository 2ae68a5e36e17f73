/**
 * Typed, validated configuration. A service describes what it reads with the accessors of
 * an `EnvReader`; every problem is collected and reported together, so an operator fixes a
 * broken deployment in one go instead of one variable per restart. The result is frozen.
 *
 * This module (and each service's `config.ts`, which calls it) is the only reader of process.env.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

export type Profile = "development" | "production";

export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Record<string, string | undefined>) {}

  /** NODE_ENV=production selects the production profile; anything else is development. */
  profile(): Profile {
    return this.env.NODE_ENV === "production" ? "production" : "development";
  }

  string(name: string, fallback: string): string {
    const value = this.raw(name);
    return value ?? fallback;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  /** A value that must be set (or has a fallback only outside production). */
  required(name: string, developmentFallback?: string): string {
    const value = this.raw(name);
    if (value !== undefined) return value;
    if (developmentFallback !== undefined && this.profile() === "development") return developmentFallback;
    this.problems.push(`${name} is required${developmentFallback !== undefined ? " in production" : ""} but is not set.`);
    return "";
  }

  int(name: string, fallback: number, { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, but is "${value}".`);
      return fallback;
    }
    return parsed;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, { min: 0, max: 65535 });
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (["1", "true", "yes", "on"].includes(value.toLowerCase())) return true;
    if (["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false, but is "${value}".`);
    return fallback;
  }

  optionalUrl(name: string, protocols: readonly string[] = ["http:", "https:"]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const url = new URL(value);
      if (!protocols.includes(url.protocol)) throw new Error("protocol");
      return value;
    } catch {
      this.problems.push(`${name} must be a URL starting with ${protocols.join(" or ")}, but is "${value}".`);
      return undefined;
    }
  }

  url(name: string, fallback: string, protocols?: readonly string[]): string {
    return this.optionalUrl(name, protocols) ?? fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(", ")}, but is "${value}".`);
    return fallback;
  }

  /** Records a problem no single accessor can see: two settings that contradict each other. */
  problem(message: string): void {
    this.problems.push(message);
  }

  list(name: string, fallback: readonly string[] = []): string[] {
    const value = this.raw(name);
    if (value === undefined) return [...fallback];
    return value.split(",").map((item) => item.trim()).filter(Boolean);
  }

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Reads a configuration with `describe`; throws one ConfigError listing every problem. */
export function readConfig<T>(describe: (env: EnvReader) => T, env: Record<string, string | undefined> = process.env): Readonly<T> {
  const reader = new EnvReader(env);
  const config = describe(reader);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return deepFreeze(config);
}
