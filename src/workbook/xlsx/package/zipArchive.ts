import { XlsxError } from "../read/errors";

/**
 * The zip container of an OPC package, read from its central directory without inflating anything. Each entry
 * keeps where its compressed bytes lie, so a part nobody changes is copied to the output as stored, byte for
 * byte, and a part nobody reads is never inflated. Zip64 sizes and offsets are read; entries written with data
 * descriptors are fine, since the central directory carries their sizes and checksum.
 */

/** A package that cannot be opened or a part that is refused; the message is for the user. */
export class PackageError extends XlsxError {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

export interface ZipEntry {
  /** The name as stored (no leading "/"). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags, bit 0 = encrypted. */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** MS-DOS time and date, kept on copy. */
  time: number;
  date: number;
  /** Where the compressed bytes start in the archive. */
  dataStart: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;

const DAMAGED =
  "This file looks like a workbook package (a zip) but it is damaged: its table of contents cannot be read. " +
  "Open it in Excel, which may repair it, and save it again as an Excel Workbook (.xlsx).";

function damaged(detail: string): PackageError {
  return new PackageError(`${DAMAGED} (${detail})`);
}

/** A number stored in 8 bytes; anything past 2^53 is no real workbook. */
function uint64(view: DataView, at: number): number {
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  if (high >= 0x200000) throw damaged("a size beyond any real file");
  return high * 0x1_0000_0000 + low;
}

function findEnd(view: DataView): number {
  const length = view.byteLength;
  const stop = Math.max(0, length - 22 - 0xffff);
  for (let at = length - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === END) return at;
  }
  return -1;
}

/** The central directory's entry count and offset, from the zip64 end record where the plain one overflows. */
function directory(view: DataView, end: number): { count: number; offset: number } {
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== END64_LOCATOR) {
      if (offset === 0xffffffff) throw damaged("a zip64 directory without its locator");
    } else {
      const record = uint64(view, locator + 8);
      if (record + 56 > view.byteLength || view.getUint32(record, true) !== END64) throw damaged("zip64 end record");
      count = uint64(view, record + 32);
      offset = uint64(view, record + 48);
    }
  }
  return { count, offset };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length >= 22 ? findEnd(view) : -1;
  if (end < 0) throw damaged("no end of directory");
  const { count, offset } = directory(view, end);
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged(`directory entry ${i + 1}`);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64: the fields that overflowed are in the extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === ZIP64_EXTRA) {
        let field = extra + 4;
        if (size === 0xffffffff) ((size = uint64(view, field)), (field += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = uint64(view, field)), (field += 8));
        if (local === 0xffffffff) local = uint64(view, field);
      }
      extra += 4 + length;
    }
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw damaged(`entry ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.length) throw damaged(`entry ${name} runs past the end of the file`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw damaged(`the part ${name} is stored twice`);
    seen.add(key);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      flags,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      dataStart,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries };
}

/** The compressed bytes of an entry, as stored. */
export function storedBytes(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  return archive.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}
