import { readFileSync, realpathSync, statSync, writeFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** The command line's file handling: read the input, refuse to write over it, write the copy in one step. */

export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

export function readInput(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FileError(`${path} is a folder, not a workbook file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`Cannot find the workbook ${path} (looked in ${resolve(path)}). Check the file name.`);
  }
  if (size === 0) throw new FileError(`${path} is empty (0 bytes): it is not a workbook.`);
  return new Uint8Array(readFileSync(path));
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new FileError(`Cannot read the ${what} ${path} (looked in ${resolve(path)}). Check the file name.`);
  }
}

/** Same file by path or by identity (a link, another spelling of the path). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export function checkOutputPath(input: string, out: string): void {
  if (sameFile(input, out)) {
    throw new FileError(
      `--out names the input workbook ${input}. The input is never changed: name a new file, e.g. --out ${basename(input).replace(/\.xlsx$/i, "")}-analysed.xlsx.`,
    );
  }
  let folder: string;
  try {
    folder = realpathSync(dirname(resolve(out)));
  } catch {
    throw new FileError(`The folder for --out ${out} does not exist: ${dirname(resolve(out))}.`);
  }
  if (!statSync(folder).isDirectory()) throw new FileError(`${dirname(resolve(out))} is not a folder.`);
}

/** Writes beside the target and renames, so a failed run never leaves half a workbook under the output name. */
export function writeOutput(out: string, bytes: Uint8Array): void {
  const temporary = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FileError(`Cannot write ${out}: ${(error as Error).message}`);
  }
}
