import { existsSync, linkSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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

function refuseExisting(out: string): never {
  throw new FileError(
    `${out} already exists and was left as it is. Name another file with --out, or add --force to replace it.`,
  );
}

/** Checked before the workbook is read, so a run that cannot write its result stops before any work. */
export function checkOutputPath(input: string, out: string, force = false): void {
  if (sameFile(input, out)) {
    const extension = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
    throw new FileError(
      `--out names the input workbook ${input}. The input is never changed: name a new file, e.g. --out ${basename(input).replace(/\.xls[xm]$/i, "")}-analysed${extension}.`,
    );
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new FileError(`--out ${out} is a folder. Name a file in it, e.g. --out ${join(out, "result.xlsx")}.`);
  }
  if (!force && existsSync(out)) refuseExisting(out);
  let folder: string;
  try {
    folder = realpathSync(dirname(resolve(out)));
  } catch {
    throw new FileError(`The folder for --out ${out} does not exist: ${dirname(resolve(out))}.`);
  }
  if (!statSync(folder).isDirectory()) throw new FileError(`${dirname(resolve(out))} is not a folder.`);
}

/** Excel refuses to open a macro workbook under .xlsx, and a workbook without macros under .xlsm. */
export function checkOutputKind(input: string, out: string, macroEnabled: boolean): void {
  const extension = macroEnabled ? ".xlsm" : ".xlsx";
  if (out.toLowerCase().endsWith(extension)) return;
  throw new FileError(
    macroEnabled
      ? `${input} is a macro-enabled workbook: its copy keeps the macros and must end in .xlsm, e.g. --out ${basename(out).replace(/\.xlsx$/i, ".xlsm")}.`
      : `--out ${out} ends in .xlsm, but ${input} is not a macro-enabled workbook: name an .xlsx file.`,
  );
}

/**
 * Writes beside the target and then moves it into place, so a failed run never leaves half a workbook under the
 * output name. Without `force` the move is a hard link, which fails rather than replace a file that appeared
 * while the analysis ran.
 */
export function writeOutput(out: string, bytes: Uint8Array, force = false): void {
  const temporary = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    if (force) renameSync(temporary, out);
    else placeWithoutReplacing(temporary, out);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`Cannot write ${out}: ${whyNot(error as NodeJS.ErrnoException)}`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The operating system's reason in words, rather than its code and call. */
function whyNot(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EACCES":
    case "EPERM":
      return "you are not allowed to write there (or the file is open in another program). Choose another folder or close the file.";
    case "EROFS":
      return "that place is read-only. Choose another folder.";
    case "ENOSPC":
      return "the disk is full. Free some space or choose another disk.";
    case "EISDIR":
      return "that name is a folder. Name a file, e.g. result.xlsx.";
    default:
      return error.message;
  }
}

function placeWithoutReplacing(temporary: string, out: string): void {
  try {
    linkSync(temporary, out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") refuseExisting(out);
    // A file system without hard links: check, then move.
    if (existsSync(out)) refuseExisting(out);
    renameSync(temporary, out);
  }
}
