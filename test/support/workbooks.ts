import { Workbook, type CellValue } from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

/** Workbooks built cell by cell with ExcelJS, as a user's might look; each returns the saved bytes. */

export type Row = CellValue[];

export async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function openBytes(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** The sample company's rows as the CSV gives them (docs/spec/sample.md), header first, numbers as numbers. */
export function sampleRows(): Row[] {
  const csv = readFileSync(join(__dirname, "..", "..", "examples", "sample-workflows.csv"), "utf8");
  return csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(",").map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
}

/** Rows written from a top-left cell, one array per row. */
export function putRows(sheet: import("exceljs").Worksheet, topLeft: { row: number; column: number }, rows: Row[]) {
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(topLeft.row + r, topLeft.column + c).value = value;
    }),
  );
}

/** An Excel table (header first) on a sheet, with whatever else the sheet was given. */
export function addTable(
  sheet: import("exceljs").Worksheet,
  name: string,
  ref: string,
  rows: Row[],
): import("exceljs").Table {
  const [header, ...body] = rows;
  return sheet.addTable({
    name,
    ref,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((h) => ({ name: String(h), filterButton: true })),
    rows: body,
  });
}

/** A budget workbook: a title above an Excel table named Workflows at B4, and a notes sheet. */
export async function budgetWithTable(rows: Row[] = sampleRows(), tableName = "Workflows"): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.getCell("A1").value = "AI budget 2026";
  sheet.getCell("A2").value = "Draft for the finance committee";
  addTable(sheet, tableName, "B4", rows);
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = "Figures are estimates.";
  return bytesOf(workbook);
}

/** A workflow table as plain cells (no Excel table), starting at `ref`, with other content on the sheet. */
export async function budgetWithRange(
  rows: Row[],
  ref = { row: 3, column: 2 },
  sheetName = "Budget",
): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.getCell("A1").value = "Operating budget";
  putRows(sheet, ref, rows);
  return bytesOf(workbook);
}

/*
 * Zip parts, read and added with Node's zlib alone (no unzip on the test machine needed): to compare a sheet's XML
 * byte for byte, and to give a workbook a part that ExcelJS does not model, as Excel's charts are.
 */

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function zipDirectory(bytes: Uint8Array): { entries: ZipEntry[]; cdOffset: number; cdSize: number; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0, at = cdOffset; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8"),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, cdOffset, cdSize, end };
}

function entryBytes(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(data) : Buffer.from(data);
}

/** The text of one part of an .xlsx, e.g. "xl/worksheets/sheet1.xml". */
export function zipEntry(bytes: Uint8Array, name: string): string {
  const entry = zipDirectory(bytes).entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name} in the zip`);
  return entryBytes(bytes, entry).toString("utf8");
}

/** The same zip with the text of some parts changed, every part stored uncompressed. */
export function editZip(bytes: Uint8Array, edit: (name: string, text: string) => string): Uint8Array {
  let zip: Uint8Array = emptyZip();
  for (const entry of zipDirectory(bytes).entries) {
    const content = entryBytes(bytes, entry);
    const isText = /\.(xml|rels)$/i.test(entry.name);
    zip = withZipEntry(zip, entry.name, isText ? Buffer.from(edit(entry.name, content.toString("utf8"))) : content);
  }
  return zip;
}

function emptyZip(): Uint8Array {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  return new Uint8Array(eocd);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The zip with one more part, stored uncompressed. */
export function withZipEntry(bytes: Uint8Array, name: string, content: string | Buffer): Uint8Array {
  const { entries, cdOffset, cdSize, end } = zipDirectory(bytes);
  const nameBytes = Buffer.from(name, "utf8");
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const newCdOffset = cdOffset + local.length + nameBytes.length + data.length;
  const eocd = Buffer.from(bytes.subarray(end, end + 22));
  eocd.writeUInt16LE(entries.length + 1, 8);
  eocd.writeUInt16LE(entries.length + 1, 10);
  eocd.writeUInt32LE(cdSize + central.length + nameBytes.length, 12);
  eocd.writeUInt32LE(newCdOffset, 16);
  eocd.writeUInt16LE(0, 20);
  return new Uint8Array(
    Buffer.concat([
      bytes.subarray(0, cdOffset),
      local,
      nameBytes,
      data,
      bytes.subarray(cdOffset, cdOffset + cdSize),
      central,
      nameBytes,
      eocd,
    ]),
  );
}
