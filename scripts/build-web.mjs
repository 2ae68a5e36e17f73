// Bundles the pages and scripts the gateway serves (gateway/web/src/<entry>/main.ts[x]) with esbuild:
// TypeScript and JSX, every dependency bundled from node_modules (nothing loads from a CDN), minified,
// with content-hashed file names so the gateway can serve them as immutable assets. The manifest
// (gateway/web/dist/manifest.json) maps each entry to its files. Skipped when nothing changed.
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "gateway", "web", "src");
const dist = join(root, "gateway", "web", "dist");
const manifestFile = join(dist, "manifest.json");

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Every folder of src/ with a main.ts or main.tsx is an entry named after the folder. */
const entries = existsSync(src)
  ? readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => ["main.tsx", "main.ts"].filter((f) => existsSync(join(src, d.name, f))).slice(0, 1).map((f) => ({ name: d.name, file: join(src, d.name, f) })))
  : [];

const inputsChanged = Math.max(newest(src), statSync(join(root, "package-lock.json")).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (entries.length === 0 || (existsSync(manifestFile) && statSync(manifestFile).mtimeMs >= inputsChanged)) process.exit(0);

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const result = await build({
  entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.file])),
  outdir: dist,
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "esm",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  jsx: "automatic",
  loader: { ".woff2": "file", ".woff": "file", ".ttf": "file", ".svg": "file", ".png": "file", ".json": "json" },
  define: { "process.env.NODE_ENV": '"production"' },
  metafile: true,
  logLevel: "warning",
  legalComments: "linked",
});
const manifest = {};
for (const [output, meta] of Object.entries(result.metafile.outputs)) {
  if (!meta.entryPoint) continue;
  const name = entries.find((e) => relative(root, e.file) === meta.entryPoint)?.name;
  if (!name) continue;
  manifest[name] = { js: relative(dist, join(root, output)), css: meta.cssBundle ? relative(dist, join(root, meta.cssBundle)) : null };
}
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`build-web: bundled ${Object.keys(manifest).join(", ")} in ${Date.now() - started} ms`);
