import { parse } from "graphql";
import type { RawAnswer } from "@scg/shared";
import { InFlightReads, isRead } from "./in-flight-reads";

describe("in-flight reads", () => {
  it("shares one request among identical reads in flight, and forgets it once answered", async () => {
    const reads = new InFlightReads();
    let sent = 0;
    let answer!: (value: RawAnswer) => void;
    const send = () => {
      sent += 1;
      return new Promise<RawAnswer>((resolve) => (answer = resolve));
    };
    const first = reads.share("k", send);
    const second = reads.share("k", send);
    const other = reads.share("other", () => Promise.resolve({ status: 200, cacheControl: null, body: "{}" }));
    answer({ status: 200, cacheControl: "public, max-age=60", body: '{"data":{}}' });
    expect(await Promise.all([first, second])).toEqual([
      { status: 200, cacheControl: "public, max-age=60", body: '{"data":{}}' },
      { status: 200, cacheControl: "public, max-age=60", body: '{"data":{}}' },
    ]);
    expect((await other).body).toBe("{}");
    expect(sent).toBe(1);
    const later = reads.share("k", send);
    expect(sent).toBe(2);
    answer({ status: 200, cacheControl: null, body: "{}" });
    await later;
  });

  it("a failed request is forgotten too, so the next caller tries again", async () => {
    const reads = new InFlightReads();
    await expect(reads.share("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await reads.share("k", () => Promise.resolve({ status: 200, cacheControl: null, body: "{}" }))).status).toBe(200);
  });

  it("knows a read by its parsed operation, whatever the text starts with", () => {
    expect(isRead(parse(`query Q { a }`))).toBe(true);
    expect(isRead(parse(`# a comment first\n{ a }`))).toBe(true);
    expect(isRead(parse(`fragment F on Query { a } query { ...F }`))).toBe(true);
    expect(isRead(parse(`  # query-looking comment\n mutation { a }`))).toBe(false);
    expect(isRead(parse(`fragment F on Mutation { a } mutation { ...F }`))).toBe(false);
    expect(isRead(undefined)).toBe(false);
  });
});
