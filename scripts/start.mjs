// `npm start`: on Windows and Mac, sideload into desktop Excel (office-addin-debugging, fetched on demand since it
// does not install on Linux); elsewhere, build and serve the playground, the same wizard over an .xlsx file.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveFolder } from "./staticServer.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(npx, ["--yes", "office-addin-dev-certs", "install"]);
  run(npx, ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  run(npm, ["run", "build", "--silent"]);
  const port = Number(process.env.PORT ?? 3000);
  const { url } = await serveFolder(join(root, "dist"), port);
  writeFileSync(join(tmpdir(), "aibudget-server.pid"), String(process.pid));
  console.log(`
AIBUDGET is running.

  Try it in your browser:   ${url}playground.html
  Function reference:       ${url}help.html

Desktop Excel is not available on this machine. To use the add-in in Excel on the web, run
"npm run dev-server" (https on localhost:3000) and upload manifest.xml under Home > Add-ins > More Add-ins >
Upload My Add-in. Press Ctrl+C (or run "npm stop") to stop.`);
}
