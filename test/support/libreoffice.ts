import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice as the recalculation oracle (toolchain.md): headless soffice with a fresh profile set to
 * recalculate every formula on load (by default it keeps the cached results it finds), converting .xlsx back to
 * .xlsx. One soffice start costs seconds, so files go through in batches.
 */

const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const MISSING =
  "LibreOffice (soffice) was not found on PATH. The written formulas are checked by recalculating them in " +
  "LibreOffice: install it with `sudo apt-get install -y libreoffice-calc-nogui` (CI installs it).";

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 180_000 }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        reject(code === "ENOENT" ? new Error(MISSING) : new Error(`soffice failed: ${error.message}\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** Recalculates each workbook in LibreOffice and returns the files it saved, in the same order. */
export async function recalculate(workbooks: Uint8Array[]): Promise<Uint8Array[]> {
  const root = mkdtempSync(join(tmpdir(), "aibudget-lo-"));
  try {
    const profile = join(root, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALCULATE_ALWAYS);
    const input = join(root, "in");
    const output = join(root, "out");
    mkdirSync(input);
    mkdirSync(output);
    const names = workbooks.map((bytes, i) => {
      const name = `workbook${i + 1}.xlsx`;
      writeFileSync(join(input, name), bytes);
      return name;
    });
    await run("soffice", [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      output,
      ...names.map((n) => join(input, n)),
    ]);
    return names.map((name) => {
      try {
        return new Uint8Array(readFileSync(join(output, name)));
      } catch {
        throw new Error(`LibreOffice did not write ${name}: it could not open the workbook.`);
      }
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
