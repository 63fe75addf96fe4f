// `npm run analyze` and `npm run sample` start here: plain JavaScript, so it runs before anything is compiled.
// It compiles the command line (tsconfig.node.json into build/node) only when that has never been done or a
// source has changed since, then runs the compiled file. A run on an unchanged tree starts at once instead of
// paying for a TypeScript build each time.
"use strict";

const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..", "..");
const BUILT = join(ROOT, "build", "node");
// Written after each successful build by this launcher, so "newer than the last build" has one meaning.
const STAMP = join(BUILT, ".cli-built");
// What tsconfig.node.json compiles for the command line, and the settings that shape the output.
const SOURCES = ["src/model", "src/workbook", "src/cli", "tsconfig.json", "tsconfig.node.json", "package-lock.json"];

function newestChange(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isStale(target) {
  if (!existsSync(target) || !existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestChange(join(ROOT, source)) > built);
}

function build() {
  process.stderr.write("Compiling the command line (once; again only when its sources change)…\n");
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.node.json")], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) {
    process.stderr.write("The command line could not be compiled (see above); nothing was run.\n");
    process.exit(1);
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

const [name, ...args] = process.argv.slice(2);
if (!/^[A-Za-z]+$/.test(name ?? "")) {
  process.stderr.write("Usage: node src/cli/launch.cjs <analyze|makeSample> [arguments]\n");
  process.exit(2);
}
const target = join(BUILT, "src", "cli", `${name}.js`);
if (isStale(target)) build();
const program = require(target);
// A module with a `main` runs only when it is the entry point; here the launcher is, so it calls main itself.
if (typeof program.main === "function") {
  program.main(args).then((code) => {
    process.exitCode = code;
  });
}
