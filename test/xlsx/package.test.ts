import { deflateRawSync } from "node:zlib";
import { strToU8 } from "fflate";
import { crc32 } from "../../src/workbook/xlsx/package/crc32";
import { EditedPackage } from "../../src/workbook/xlsx/package/editedPackage";
import { MAX_PART_BYTES, ZipPartSource } from "../../src/workbook/xlsx/package/partSourceZip";
import { openZip, PackageError, storedBytes } from "../../src/workbook/xlsx/package/zipArchive";
import { XlsxError, XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { corpusBytes, unzipParts } from "./support/package";

/**
 * The zip layer under the package editor: parts read lazily and checked, memory bounded against zip bombs, zip64
 * and data descriptors read, and untouched parts copied as stored.
 */

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Deflate it (else stored). */
  deflate?: boolean;
  /** Write sizes and CRC in a data descriptor after the data, zeros in the local header (bit 3). */
  descriptor?: boolean;
  /** Claim these in the central directory instead of the real ones. */
  claimedSize?: number;
  claimedCrc?: number;
  /** Sizes and offset as 0xFFFFFFFF with a zip64 extra field. */
  zip64?: boolean;
  flags?: number;
}

/** A zip written byte by byte, so every corner of the format can be produced. */
function rawZip(entries: RawEntry[], options: { zip64End?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  for (const e of entries) {
    const name = strToU8(e.name);
    const body = e.deflate ? new Uint8Array(deflateRawSync(e.data, { level: 9 })) : e.data;
    const crc = e.claimedCrc ?? crc32(e.data);
    const size = e.claimedSize ?? e.data.length;
    const flags = (e.flags ?? 0) | (e.descriptor ? 8 : 0) | 0x800;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, e.deflate ? 8 : 0, true);
    if (!e.descriptor) {
      lv.setUint32(14, crc, true);
      lv.setUint32(18, body.length, true);
      lv.setUint32(22, size, true);
    }
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const localOffset = offset;
    push(local);
    push(body);
    if (e.descriptor) {
      const d = new Uint8Array(16);
      const dv = new DataView(d.buffer);
      dv.setUint32(0, 0x08074b50, true);
      dv.setUint32(4, crc, true);
      dv.setUint32(8, body.length, true);
      dv.setUint32(12, size, true);
      push(d);
    }
    const extra = e.zip64 ? new Uint8Array(4 + 24) : new Uint8Array(0);
    if (e.zip64) {
      const xv = new DataView(extra.buffer);
      xv.setUint16(0, 1, true);
      xv.setUint16(2, 24, true);
      xv.setUint32(4, size, true);
      xv.setUint32(12, body.length, true);
      xv.setUint32(20, localOffset, true);
    }
    const c = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, e.deflate ? 8 : 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.zip64 ? 0xffffffff : body.length, true);
    cv.setUint32(24, e.zip64 ? 0xffffffff : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, e.zip64 ? 0xffffffff : localOffset, true);
    c.set(name, 46);
    c.set(extra, 46 + name.length);
    central.push(c);
  }
  const centralStart = offset;
  for (const c of central) push(c);
  const centralSize = offset - centralStart;
  if (options.zip64End) {
    const record = new Uint8Array(56);
    const rv = new DataView(record.buffer);
    rv.setUint32(0, 0x06064b50, true);
    rv.setUint32(4, 44, true);
    rv.setUint32(32, entries.length, true);
    rv.setUint32(24, entries.length, true);
    rv.setUint32(40, centralSize, true);
    rv.setUint32(48, centralStart, true);
    const recordAt = offset;
    push(record);
    const locator = new Uint8Array(20);
    const locv = new DataView(locator.buffer);
    locv.setUint32(0, 0x07064b50, true);
    locv.setUint32(8, recordAt, true);
    locv.setUint32(16, 1, true);
    push(locator);
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, options.zip64End ? 0xffff : entries.length, true);
  ev.setUint16(10, options.zip64End ? 0xffff : entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, options.zip64End ? 0xffffffff : centralStart, true);
  push(end);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const TEXT = strToU8("<a>" + "hello ".repeat(1000) + "</a>");

describe("reading parts", () => {
  test("parts are read by name, lazily, any case, a leading slash allowed", () => {
    const source = ZipPartSource.open(rawZip([{ name: "xl/workbook.xml", data: TEXT, deflate: true }]));
    expect(source.names()).toEqual(["xl/workbook.xml"]);
    expect(source.has("/XL/Workbook.xml")).toBe(true);
    expect(source.text("xl/workbook.xml")).toBe(new TextDecoder().decode(TEXT));
    expect(() => source.bytes("xl/styles.xml")).toThrow(PackageError);
  });

  test("entries written with data descriptors are read from the central directory", () => {
    const source = ZipPartSource.open(
      rawZip([
        { name: "a.xml", data: TEXT, deflate: true, descriptor: true },
        { name: "b.xml", data: strToU8("<b/>"), descriptor: true },
      ]),
    );
    expect(source.text("a.xml")).toBe(new TextDecoder().decode(TEXT));
    expect(source.text("b.xml")).toBe("<b/>");
  });

  test("zip64 sizes, offsets and end records are read", () => {
    const source = ZipPartSource.open(
      rawZip([{ name: "a.xml", data: TEXT, deflate: true, zip64: true }], { zip64End: true }),
    );
    expect(source.text("a.xml")).toBe(new TextDecoder().decode(TEXT));
  });

  test("a part whose bytes do not match its checksum, or its size, is named as damaged", () => {
    const wrongCrc = ZipPartSource.open(rawZip([{ name: "a.xml", data: TEXT, deflate: true, claimedCrc: 1234 }]));
    expect(() => wrongCrc.bytes("a.xml")).toThrow(/a\.xml of this workbook is damaged/);
    // A part that claims to be smaller than it inflates to is cut at the claimed size, so it cannot grow past it.
    const lying = ZipPartSource.open(rawZip([{ name: "a.xml", data: TEXT, deflate: true, claimedSize: 100 }]));
    expect(() => lying.bytes("a.xml")).toThrow(/damaged/);
  });

  test("a zip bomb is refused before it is inflated, with a clear message", () => {
    // 64 MB of zeros deflate to about 64 KB: a ratio no spreadsheet part reaches.
    const bomb = rawZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(64 * 1024 * 1024), deflate: true }]);
    expect(bomb.length).toBeLessThan(200_000);
    const source = ZipPartSource.open(bomb);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => source.bytes("xl/worksheets/sheet1.xml")).toThrow(/zip bomb/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    // A part that declares more than a part may take is refused on its declaration alone.
    const huge = ZipPartSource.open(
      rawZip([{ name: "a.xml", data: TEXT, deflate: true, claimedSize: MAX_PART_BYTES + 1 }]),
    );
    expect(() => huge.bytes("a.xml")).toThrow(/would take 512 MB once unpacked/);
  });

  test("an encrypted entry and a damaged directory get messages of their own", () => {
    const encrypted = ZipPartSource.open(rawZip([{ name: "a.xml", data: TEXT, flags: 1 }]));
    expect(() => encrypted.bytes("a.xml")).toThrow(/encrypted.*Protect Workbook/);
    const zip = rawZip([{ name: "a.xml", data: TEXT }]);
    expect(() => openZip(zip.subarray(0, zip.length - 30))).toThrow(/damaged/);
    const twice = rawZip([
      { name: "a.xml", data: TEXT },
      { name: "A.xml", data: TEXT },
    ]);
    expect(() => openZip(twice)).toThrow(/stored twice/);
  });

  test("a workbook that is a zip bomb is refused by the adapter with the same message", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTable("Data", "Data", [
      ["Workflow", "People"],
      ["Support", 3],
    ]);
    const parts = unzipParts(await book.save());
    parts.set("xl/worksheets/sheet1.xml", new Uint8Array(64 * 1024 * 1024));
    const bomb = rawZip([...parts].map(([name, data]) => ({ name, data, deflate: true })));
    const opened = await XlsxWorkbook.load(bomb);
    await expect(opened.listTables()).rejects.toThrow(XlsxError);
    await expect(opened.listTables()).rejects.toThrow(/zip bomb/);
  });
});

describe("writing the package", () => {
  test("parts left alone are copied as stored, in order; written parts replace theirs; new parts come after", async () => {
    const input = rawZip([
      { name: "[Content_Types].xml", data: strToU8("<Types/>"), deflate: true },
      { name: "keep.bin", data: TEXT, deflate: true, descriptor: true },
      { name: "stored.xml", data: strToU8("<s/>") },
      { name: "change.xml", data: strToU8("<old/>"), deflate: true },
      { name: "xl/calcChain.xml", data: strToU8("<c/>"), deflate: true },
    ]);
    const pkg = new EditedPackage(ZipPartSource.open(input));
    pkg.put("change.xml", "<new/>");
    pkg.put("added.xml", "<added/>");
    pkg.remove("xl/calcChain.xml");
    expect(pkg.text("change.xml")).toBe("<new/>");
    expect(pkg.has("xl/calcChain.xml")).toBe(false);
    const output = await pkg.save();
    const before = openZip(input);
    const after = openZip(output);
    expect(after.entries.map((e) => e.name)).toEqual([
      "[Content_Types].xml",
      "keep.bin",
      "stored.xml",
      "change.xml",
      "added.xml",
    ]);
    for (const name of ["[Content_Types].xml", "keep.bin", "stored.xml"]) {
      const b = before.entries.find((e) => e.name === name)!;
      const a = after.entries.find((e) => e.name === name)!;
      expect(Buffer.compare(Buffer.from(storedBytes(before, b)), Buffer.from(storedBytes(after, a)))).toBe(0);
      expect([a.crc, a.size, a.method]).toEqual([b.crc, b.size, b.method]);
    }
    const parts = unzipParts(output);
    expect(new TextDecoder().decode(parts.get("change.xml"))).toBe("<new/>");
    expect(new TextDecoder().decode(parts.get("added.xml"))).toBe("<added/>");
    expect(new TextDecoder().decode(parts.get("keep.bin"))).toBe(new TextDecoder().decode(TEXT));
  });

  test("a corpus workbook saved without edits is the same package, part for part as stored", async () => {
    const input = corpusBytes("sheetjs__pivot_table_test.xlsm");
    const output = await (await XlsxWorkbook.load(input)).save();
    const before = openZip(input);
    const after = openZip(output);
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    after.entries.forEach((a, i) => {
      expect(
        Buffer.compare(Buffer.from(storedBytes(after, a)), Buffer.from(storedBytes(before, before.entries[i]))),
      ).toBe(0);
    });
  });
});
