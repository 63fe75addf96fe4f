// `npm run validate`: the manifest checks that can run offline (see checkManifest.ts), then office-addin-manifest's
// own local parse. Run after `npm run build`, since the checks look for every URL's file in dist/.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "./checkManifest";
import { ROOT as root } from "./platform";

const problems = checkManifest(readFileSync(join(root, "manifest.xml"), "utf8"), { distDir: join(root, "dist") });
for (const problem of problems) console.error(`manifest.xml: ${problem}`);
const info = spawnSync(process.execPath, [require.resolve("office-addin-manifest/cli.js"), "info", "manifest.xml"], {
  cwd: root,
  encoding: "utf8",
});
if (info.status !== 0) console.error(`office-addin-manifest could not parse manifest.xml:\n${info.stderr}`);
else console.log(info.stdout.trim());
if (problems.length > 0 || info.status !== 0) process.exit(1);
console.log("manifest.xml passed the offline checks.");
