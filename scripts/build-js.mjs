#!/usr/bin/env node
// Compiles every package's TypeScript (src/**/*.ts) to JavaScript beside it (dist/) with swc:
// decorator metadata included (TypeORM and type-graphql need it), no type-checking
// (`npm run build` does that with tsc). Only files newer than their output are compiled,
// so a second `npm start` costs a few milliseconds.
import { transformFile } from "@swc/core";
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const options = { ...JSON.parse(readFileSync(join(root, ".swcrc"), "utf8")), swcrc: false };
delete options.$schema;

const packages = ["shared", "gateway", "scripts", ...readdirSync(join(root, "subgraphs")).map((d) => join("subgraphs", d))];

function* tsFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".test.ts")) yield path;
  }
}

let compiled = 0;
const started = Date.now();
const jobs = [];
for (const pkg of packages) {
  const src = join(root, pkg, "src");
  const dist = join(root, pkg, "dist");
  const expected = new Set();
  for (const file of tsFiles(src)) {
    const out = join(dist, relative(src, file)).replace(/\.ts$/, ".js");
    expected.add(out);
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(file).mtimeMs) continue;
    jobs.push(
      transformFile(file, { ...options, filename: file, sourceFileName: relative(dirname(out), file) }).then((result) => {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, `${result.code}\n//# sourceMappingURL=${out.split("/").pop()}.map\n`);
        if (result.map) writeFileSync(`${out}.map`, result.map);
        compiled += 1;
      }),
    );
  }
  // Remove output whose source was deleted, so a stale module can never be loaded.
  (function prune(dir) {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) prune(path);
      else if (path.endsWith(".js") && !expected.has(path)) {
        rmSync(path);
        rmSync(`${path}.map`, { force: true });
      }
    }
  })(dist);
}
await Promise.all(jobs);
if (compiled > 0) console.log(`build-js: compiled ${compiled} files in ${Date.now() - started} ms`);
