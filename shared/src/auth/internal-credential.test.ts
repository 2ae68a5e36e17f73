import { signInternalCredential, verifyInternalCredential } from "./internal-credential";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const identity = { subject: "admin-1", roles: ["MEMBER_ADMIN" as const], communityIds: ["c1"], organizationIds: [] };

describe("verifyInternalCredential, with verified tokens remembered", () => {
  it("answers the same credential for a token seen before, and nobody can change it", async () => {
    const token = await signInternalCredential({ identity, caller: "gateway" }, SECRET);
    const first = await verifyInternalCredential(token, SECRET);
    const again = await verifyInternalCredential(token, SECRET);
    expect(first).toEqual({ identity, caller: "gateway", requestId: undefined });
    expect(again).toBe(first);
    expect(() => (again!.identity!.roles as string[]).push("STAFF")).toThrow(TypeError);
  });

  it("never accepts a token under a secret it was not verified with", async () => {
    const token = await signInternalCredential({ identity, caller: "gateway" }, SECRET);
    expect(await verifyInternalCredential(token, SECRET)).not.toBeNull();
    expect(await verifyInternalCredential(token, `${SECRET}-other`)).toBeNull();
  });

  it("refuses a token whose signature was changed, even after the real one was verified", async () => {
    const token = await signInternalCredential({ identity: null, caller: "gateway" }, SECRET);
    expect(await verifyInternalCredential(token, SECRET)).toMatchObject({ identity: null });
    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(await verifyInternalCredential(forged, SECRET)).toBeNull();
  });

  it("refuses an expired token it had verified while it was valid", async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const token = await signInternalCredential({ identity, caller: "gateway" }, SECRET, 1);
      expect(await verifyInternalCredential(token, SECRET)).not.toBeNull();
      jest.setSystemTime(Date.now() + 5_000);
      expect(await verifyInternalCredential(token, SECRET)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
