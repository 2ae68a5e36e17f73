import { GraphQLError } from "graphql";
import { badUserInput, serviceUnavailable } from "./app-error";
import { createFormatError, errorDisposition } from "./format-error";

/** The formatted error, and whether the service logs it as unexpected (what it masks). */
const format = (original: unknown, exposeDetails = false) => {
  const formatError = createFormatError({ exposeDetails, serviceName: "events" });
  const error = original instanceof GraphQLError ? original : new GraphQLError("wrapped", { originalError: original as Error, path: ["a"] });
  const formatted = formatError({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ["at x"] } }, original);
  const masked = errorDisposition(String(error.extensions.code ?? "INTERNAL_SERVER_ERROR"), original) === "unexpected" ? [original] : [];
  return { formatted, masked };
};

describe("createFormatError", () => {
  it("passes coded errors through, without stack traces", () => {
    const { formatted, masked } = format(badUserInput('"first" must be at most 500.', { argument: "first" }));
    expect(formatted).toEqual({ message: '"first" must be at most 500.', extensions: { code: "BAD_USER_INPUT", argument: "first" } });
    expect(masked).toEqual([]);
  });

  it("masks everything else as 'Unexpected error.' in production, and reports it", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id') at SELECT * FROM secrets");
    const { formatted, masked } = format(bug);
    expect(formatted).toEqual({ message: "Unexpected error.", path: ["a"], locations: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(masked).toEqual([bug]);
    expect(format(bug, true).formatted.message).toBe("wrapped");
  });

  it("says a database outage is one, with a sentence, never as an unexpected error", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const terminated = new Error("Connection terminated unexpectedly");
    const adminShutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    for (const error of [refused, terminated, adminShutdown]) {
      const { formatted, masked } = format(error);
      expect(formatted.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(formatted.message).toBe("The events service cannot reach its database right now; please try again shortly.");
      expect(JSON.stringify(formatted)).not.toMatch(/5432|ECONNREFUSED/);
      expect(masked).toEqual([]);
    }
    expect(format(serviceUnavailable("The directory service is unavailable.")).formatted.extensions?.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("gives Apollo Server's uncoded request refusals (HTTP 4xx) the code BAD_REQUEST", () => {
    const refusal = new GraphQLError("Unsupported persisted query version", { extensions: { http: { status: 400 } } });
    expect(format(refusal).formatted).toMatchObject({ message: "Unsupported persisted query version", extensions: { code: "BAD_REQUEST" } });
  });
});
