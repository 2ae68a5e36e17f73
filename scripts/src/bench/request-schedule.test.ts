import { RequestSchedule } from "./request-schedule";

const request = (key: string) => ({ key, operation: "Op" });

/** A draw function over a fixed list, in order. */
const drawing = (keys: string[]) => {
  let i = 0;
  return () => request(keys[i++ % keys.length]);
};

describe("RequestSchedule", () => {
  it("never hands out a request identical to one in flight, and sends held ones once their twin is answered", () => {
    const schedule = new RequestSchedule(drawing(["a", "a", "b", "a", "c"]), true);
    const first = schedule.take()!;
    const second = schedule.take()!; // the second "a" is held back; "b" goes
    expect([first.key, second.key]).toEqual(["a", "b"]);
    const third = schedule.take()!; // "a" (drawn again) held too; "c" goes
    expect(third.key).toBe("c");
    expect(schedule.stats()).toEqual({ taken: 3, drawn: 5, deferred: 2, pendingDeferred: 2 });

    schedule.release(first);
    const fourth = schedule.take()!; // a held "a" goes before any new draw
    expect(fourth.key).toBe("a");
    expect(schedule.stats()).toEqual({ taken: 4, drawn: 5, deferred: 2, pendingDeferred: 1 });
    schedule.release(fourth);
    expect(schedule.take()!.key).toBe("a");
    expect(schedule.stats().pendingDeferred).toBe(0);
  });

  it("answers null when every draw is in flight, and wakes waiters on release", async () => {
    const schedule = new RequestSchedule(drawing(["only"]), true, 10);
    const sent = schedule.take()!;
    expect(schedule.take()).toBeNull();
    const woken = schedule.released();
    schedule.release(sent);
    await woken;
    expect(schedule.take()!.key).toBe("only");
  });

  it("sends identical requests together when deduplication is what is measured", () => {
    const schedule = new RequestSchedule(drawing(["same"]), false);
    expect([schedule.take()!.key, schedule.take()!.key]).toEqual(["same", "same"]);
    expect(schedule.stats()).toEqual({ taken: 2, drawn: 2, deferred: 0, pendingDeferred: 0 });
  });
});
