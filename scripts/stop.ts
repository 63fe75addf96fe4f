// `npm stop`: the counterpart of `npm start` on each platform.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { PID_FILE, ROOT, sideloads } from "./platform";

if (sideloads) {
  const result = spawnSync("npx", ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status ?? 1);
}

let pid: number | null = null;
try {
  pid = Number(readFileSync(PID_FILE, "utf8"));
} catch {
  console.log("AIBUDGET is not running (no server started by npm start).");
}
if (pid !== null) {
  try {
    process.kill(pid);
    console.log(`Stopped the AIBUDGET server (process ${pid}).`);
  } catch {
    console.log("AIBUDGET's server had already stopped.");
  }
  rmSync(PID_FILE, { force: true });
}
