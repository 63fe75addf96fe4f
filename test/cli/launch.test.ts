import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * `npm run analyze` runs src/cli/launch.cjs, which compiles the command line only when it was never compiled or a
 * source changed since, then runs the compiled file. Tried on a small project of the same shape (a real tsc over
 * one source file), so the test neither waits for the whole tree's build nor rewrites build/ under the others.
 */

const REPO = resolve(__dirname, "..", "..");

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "aibudget-launch-"));
  mkdirSync(join(root, "src", "cli"), { recursive: true });
  copyFileSync(join(REPO, "src", "cli", "launch.cjs"), join(root, "src", "cli", "launch.cjs"));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, types: ["node"] } }));
  writeFileSync(
    join(root, "tsconfig.node.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: { module: "CommonJS", outDir: "build/node", rootDir: ".", skipLibCheck: true },
      include: ["src/cli"],
    }),
  );
  greeter(root, "hello");
  return root;
}

function greeter(root: string, word: string): void {
  writeFileSync(
    join(root, "src", "cli", "greet.ts"),
    `export async function main(args: string[]): Promise<number> {\n` +
      `  process.stdout.write("${word} " + args.join(" "));\n  return args.includes("fail") ? 4 : 0;\n}\n`,
  );
}

function launch(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, "src", "cli", "launch.cjs"), "greet", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, compiled: /Compiling the command line/.test(result.stderr) };
}

test("compiles on the first run only, again when a source changes, and passes arguments and the exit code", () => {
  const root = project();
  expect(launch(root, "world")).toEqual({ code: 0, stdout: "hello world", compiled: true });
  expect(launch(root, "again")).toEqual({ code: 0, stdout: "hello again", compiled: false });
  expect(launch(root, "fail")).toEqual({ code: 4, stdout: "hello fail", compiled: false });

  greeter(root, "goodbye");
  // An edit saved within the same clock tick as the build could look no newer; put the build unmistakably before it.
  const earlier = new Date(Date.now() - 10_000);
  utimesSync(join(root, "build", "node", ".cli-built"), earlier, earlier);
  expect(launch(root, "world")).toEqual({ code: 0, stdout: "goodbye world", compiled: true });
  expect(launch(root, "world").compiled).toBe(false);
}, 120_000);

test("a source that does not compile stops the run with the compiler's message, and nothing runs", () => {
  const root = project();
  writeFileSync(join(root, "src", "cli", "greet.ts"), "export const x: number = 'text';\n");
  const result = spawnSync(process.execPath, [join(root, "src", "cli", "launch.cjs"), "greet"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  expect(result.stdout + result.stderr).toMatch(/TS2322/);
  expect(result.stderr).toMatch(/could not be compiled/);
}, 120_000);
