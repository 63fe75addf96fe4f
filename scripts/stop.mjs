// `npm stop`: the counterpart of `npm start` on each platform.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["--yes", "office-addin-debugging", "stop", "manifest.xml"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
} else {
  const pidFile = join(tmpdir(), "aibudget-server.pid");
  let pid;
  try {
    pid = Number(readFileSync(pidFile, "utf8"));
  } catch {
    console.log("AIBUDGET is not running (no server started by npm start).");
    process.exit(0);
  }
  try {
    process.kill(pid);
    console.log(`Stopped the AIBUDGET server (process ${pid}).`);
  } catch {
    console.log("AIBUDGET's server had already stopped.");
  }
  rmSync(pidFile, { force: true });
}
