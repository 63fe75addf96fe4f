import { inflateSync } from "fflate";
import type { PartSource } from "./partSource";
import { crc32 } from "./crc32";
import { openZip, PackageError, storedBytes, type ZipArchive, type ZipEntry } from "./zipArchive";

/**
 * PartSource over a zip: a part is inflated when it is first asked for, into a buffer of the size the directory
 * declares (so a part that lies about its size cannot grow past it), and checked against its CRC. A part too
 * large, or compressed far beyond what any XML compresses to, is refused before anything is inflated: that is a
 * zip bomb, and refusing it keeps memory bounded.
 */

/** No worksheet a person works with comes near this; a browser could not hold its text anyway. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;
/** Real XML parts compress up to about 100:1 (a sheet of empty styled cells); deflate's ceiling is about 1032:1. */
export const MAX_RATIO = 400;
/** Below this a part may compress as well as it likes: it cannot hurt. */
const RATIO_FLOOR = 16 * 1024 * 1024;

const STORED = 0;
const DEFLATE = 8;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-US")} MB` : `${bytes} bytes`;
}

export class ZipPartSource implements PartSource {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly cache = new Map<string, Uint8Array>();

  constructor(readonly archive: ZipArchive) {
    for (const entry of archive.entries) {
      this.byName.set(entry.name, entry);
      this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  static open(bytes: Uint8Array): ZipPartSource {
    return new ZipPartSource(openZip(bytes));
  }

  names(): readonly string[] {
    return this.archive.entries.map((e) => e.name);
  }

  /** OPC part names compare without case; a leading "/" is the package root. */
  entry(name: string): ZipEntry | undefined {
    const key = name.startsWith("/") ? name.slice(1) : name;
    return this.byName.get(key) ?? this.byLowerName.get(key.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  bytes(name: string): Uint8Array {
    const entry = this.entry(name);
    if (!entry) throw new PackageError(`The workbook has no part ${name}: it is incomplete or damaged.`);
    const cached = this.cache.get(entry.name);
    if (cached) return cached;
    const data = inflateEntry(this.archive, entry);
    // Only small parts are kept: the registration parts are read more than once, a sheet is read once.
    if (data.length < 4 * 1024 * 1024) this.cache.set(entry.name, data);
    return data;
  }

  text(name: string): string {
    const text = new TextDecoder("utf-8").decode(this.bytes(name));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

export function inflateEntry(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) {
    throw new PackageError(
      `The part ${entry.name} is encrypted. Remove the password in Excel (File > Info > Protect Workbook) and try again.`,
    );
  }
  if (entry.size > MAX_PART_BYTES) {
    throw new PackageError(
      `The part ${entry.name} would take ${sizeText(entry.size)} once unpacked, more than the ${sizeText(MAX_PART_BYTES)} ` +
        "a workbook part may take here, so it was not opened. If this is a real workbook, split it into smaller ones.",
    );
  }
  if (entry.size > RATIO_FLOOR && entry.size > entry.compressedSize * MAX_RATIO) {
    throw new PackageError(
      `The part ${entry.name} unpacks to ${sizeText(entry.size)} from ${sizeText(entry.compressedSize)}, far more ` +
        "than any spreadsheet compresses: the file looks built to exhaust memory (a zip bomb), so it was not opened.",
    );
  }
  const stored = storedBytes(archive, entry);
  let data: Uint8Array;
  if (entry.method === STORED) {
    data = stored;
  } else if (entry.method === DEFLATE) {
    try {
      data = inflateSync(stored, { out: new Uint8Array(entry.size) });
    } catch {
      data = new Uint8Array(0);
    }
  } else {
    throw new PackageError(
      `The part ${entry.name} is compressed in a way Excel does not use (method ${entry.method}). ` +
        "Open the file in Excel and save it again as an Excel Workbook (.xlsx).",
    );
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) {
    throw new PackageError(
      `The part ${entry.name} of this workbook is damaged (its contents do not match its checksum). ` +
        "Open it in Excel, which may repair it, and save it again.",
    );
  }
  return data;
}
