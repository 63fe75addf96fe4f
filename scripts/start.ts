// `npm start`: on Windows and Mac, sideload into desktop Excel (office-addin-debugging, fetched on demand since it
// does not install on Linux); elsewhere, build and serve the playground, the same wizard over an .xlsx file.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PID_FILE, ROOT, sideloads } from "./platform";
import { serveFolder } from "./staticServer";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  if (sideloads) {
    run("npx", ["--yes", "office-addin-dev-certs", "install"]);
    run("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
    return;
  }
  console.log("Building AIBUDGET…");
  run("npm", ["run", "build", "--silent", "--", "--stats", "errors-warnings"]);
  const { url } = await serveFolder(join(ROOT, "dist"), Number(process.env.PORT ?? 3000));
  writeFileSync(PID_FILE, String(process.pid));
  console.log(`
AIBUDGET is running.

  Try it in your browser:   ${url}playground.html
  Function reference:       ${url}help.html

Desktop Excel is not available on this machine. To use the add-in in Excel on the web, run
"npm run dev-server" (https on localhost:3000) and upload manifest.xml under Home > Add-ins > More Add-ins >
Upload My Add-in. Press Ctrl+C (or run "npm stop") to stop.`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    message.includes("EADDRINUSE")
      ? `Port ${process.env.PORT ?? 3000} is in use: run "npm stop", or start on another port with PORT=3001 npm start.`
      : message,
  );
  process.exit(1);
});
