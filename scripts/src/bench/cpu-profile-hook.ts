import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";

/**
 * Preloaded (`node -r scripts/dist/bench/cpu-profile-hook.js`) into a process the bench profiles
 * (`npm run bench -- --profile`): the first SIGUSR2 starts V8's sampling CPU profiler through the
 * in-process inspector, the second stops it and writes the profile (Chrome DevTools
 * `.cpuprofile` JSON) to $SCG_CPU_PROFILE_FILE. Unlike `--cpu-prof`, only the load window is
 * profiled (not start-up or warm-up) and the process keeps running. Without the variable it does
 * nothing.
 */
const file = process.env.SCG_CPU_PROFILE_FILE;
if (file) {
  const interval = Number(process.env.SCG_CPU_PROFILE_INTERVAL_US ?? 500);
  const session = new Session();
  session.connect();
  const post = <T = unknown>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
  let running = false;
  let busy: Promise<void> = Promise.resolve();
  const toggle = async () => {
    if (!running) {
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval });
      await post("Profiler.start");
      running = true;
    } else {
      const { profile } = await post<{ profile: object }>("Profiler.stop");
      running = false;
      writeFileSync(`${file}.partial`, JSON.stringify(profile));
      renameSync(`${file}.partial`, file);
    }
  };
  process.on("SIGUSR2", () => {
    busy = busy.then(toggle).catch((error) => console.error("cpu-profile-hook:", error));
  });
}
