import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import { gzipMember, type DeflatedPart } from "./partDeflater";
import { PackageError, storedBytes, type ZipArchive, type ZipEntry } from "./zipArchive";

/**
 * Writes the output package: entries copied from the input keep their compressed bytes, CRC, sizes and dates
 * untouched (a fresh local header without a data descriptor, the same bytes behind it); new or changed parts
 * are deflated here. Entries come out in the order given.
 */

/** A part's bytes: one array, or the chunks it was written in (a big sheet is never joined into one array). */
export type PartData = Uint8Array | readonly Uint8Array[];

export type OutputEntry =
  | { kind: "copied"; archive: ZipArchive; entry: ZipEntry }
  | { kind: "written"; name: string; data: PartData | DeflatedPart; like?: ZipEntry };

export function partLength(data: PartData): number {
  return data instanceof Uint8Array ? data.length : data.reduce((n, c) => n + c.length, 0);
}

export function joinedPart(data: PartData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data.length === 1) return data[0];
  const out = new Uint8Array(partLength(data));
  let at = 0;
  for (const c of data) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

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
 * Raw deflate of a part and its CRC. Where the platform has CompressionStream (Node 18+ and every current
 * browser run zlib natively, several times faster than a JavaScript deflate, off the main thread in Node), its
 * gzip form gives both at once: the deflate stream between the gzip header and trailer, and the CRC in the
 * trailer, so a 150 MB sheet is never checksummed in JavaScript. Small parts, and platforms without it, go
 * through fflate and the JavaScript CRC.
 */
async function deflated(data: PartData | DeflatedPart): Promise<{ data: Uint8Array; crc: number; size: number }> {
  if ("kind" in data) return data;
  const size = partLength(data);
  if (typeof CompressionStream === "undefined" || size < 64 * 1024) {
    const whole = joinedPart(data);
    return { data: deflateSync(whole, { level: 6 }), crc: crc32(whole), size };
  }
  const chunks = data instanceof Uint8Array ? [data] : data;
  let next = 0;
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++] as BufferSource);
      else controller.close();
    },
  });
  const gzip = new Uint8Array(await new Response(source.pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
  return { ...gzipMember(gzip, size), size };
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
  const { data, crc, size } = await deflated(entry.data);
  return {
    name: encoder.encode(entry.name),
    method: 8,
    crc,
    compressedSize: data.length,
    size,
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
