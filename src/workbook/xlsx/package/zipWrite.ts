import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import { PackageError, storedBytes, type ZipArchive, type ZipEntry } from "./zipArchive";

/**
 * Writes the output package: entries copied from the input keep their compressed bytes, CRC, sizes and dates
 * untouched (a fresh local header without a data descriptor, the same bytes behind it); new or changed parts
 * are deflated here. Entries come out in the order given.
 */

export type OutputEntry =
  | { kind: "copied"; archive: ZipArchive; entry: ZipEntry }
  | { kind: "written"; name: string; data: Uint8Array; like?: ZipEntry };

interface Ready {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
/** 1980-01-01, the zip epoch: new parts carry no invented time. */
const EPOCH_DATE = 0x21;

/**
 * Raw deflate of a part: the platform's CompressionStream where there is one (Node 18+ and every current
 * browser run zlib natively, several times faster than a JavaScript deflate, off the main thread in Node), else
 * fflate's.
 */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === "undefined" || data.length < 64 * 1024) return deflateSync(data, { level: 6 });
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function ready(entry: OutputEntry, encoder: TextEncoder): Promise<Ready> {
  if (entry.kind === "copied") {
    const e = entry.entry;
    return {
      name: encoder.encode(e.name),
      method: e.method,
      crc: e.crc,
      compressedSize: e.compressedSize,
      size: e.size,
      time: e.time,
      date: e.date,
      data: storedBytes(entry.archive, e),
    };
  }
  const data = await deflateRaw(entry.data);
  return {
    name: encoder.encode(entry.name),
    method: 8,
    crc: crc32(entry.data),
    compressedSize: data.length,
    size: entry.data.length,
    time: entry.like?.time ?? 0,
    date: entry.like?.date ?? EPOCH_DATE,
    data,
  };
}

export async function writeZip(entries: readonly OutputEntry[]): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  // The parts are compressed side by side: in Node, zlib's streams share out the cores.
  const items = await Promise.all(entries.map((e) => ready(e, encoder)));
  const localSize = items.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = items.reduce((n, e) => n + 46 + e.name.length, 0);
  const total = localSize + centralSize + 22;
  if (total >= 0xffffffff || items.length >= 0xffff || items.some((e) => e.size >= 0xffffffff)) {
    throw new PackageError(
      "The workbook with the analysis added would exceed 4 GB, more than an .xlsx file can hold here.",
    );
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of items) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, UTF8_NAMES, true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.compressedSize, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, e.name.length, true);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const centralStart = at;
  items.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, UTF8_NAMES, true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.compressedSize, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, e.name.length, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, items.length, true);
  view.setUint16(at + 10, items.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
