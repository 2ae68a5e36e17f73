import { parseProcStatCpuMs } from "./process-stats";

describe("parseProcStatCpuMs", () => {
  it("adds utime and stime (fields 14 and 15, in clock ticks of 10 ms)", () => {
    const stat = "1234 (node) S 1 1234 1234 0 -1 4194560 52143 0 0 0 1520 317 0 0 20 0 11 0 4523 1281941504 43210 18446744073709551615";
    expect(parseProcStatCpuMs(stat)).toBe((1520 + 317) * 10);
  });

  it("counts fields after the last parenthesis, so a command name with spaces and parentheses cannot shift them", () => {
    const stat = "77 (postgres: scg (bench) idle) S 1 77 77 0 -1 4194560 100 0 0 0 25 5 0 0 20 0 1 0 99 1000 10 18446744073709551615";
    expect(parseProcStatCpuMs(stat)).toBe(300);
  });

  it("refuses text that is not a stat line", () => {
    expect(() => parseProcStatCpuMs("no parentheses here")).toThrow("Not a /proc/<pid>/stat line");
    expect(() => parseProcStatCpuMs("1 (x) S")).toThrow("No utime/stime");
  });
});
