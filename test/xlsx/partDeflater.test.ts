import { deflateRawSync, inflateRawSync } from "node:zlib";
import { crc32 } from "../../src/workbook/xlsx/package/crc32";
import { EditedPackage } from "../../src/workbook/xlsx/package/editedPackage";
import { gzipMember, PartDeflater } from "../../src/workbook/xlsx/package/partDeflater";
import { PackageError } from "../../src/workbook/xlsx/package/zipArchive";
import { joinedPart } from "../../src/workbook/xlsx/package/zipWrite";
import { XmlBytes } from "../../src/workbook/xlsx/write/xmlBytes";
import { unzipParts } from "./support/package";

/**
 * A big sheet is compressed while it is written: the chunks the writer fills go to the platform's gzip
 * CompressionStream, and the zip entry takes the deflate stream and the CRC from its trailer.
 */

/** Several megabytes of markup, with text of two-, three- and four-byte characters falling across chunk ends. */
function writeMarkup(out: XmlBytes): void {
  for (let i = 0; i < 60_000; i++) {
    out.text(`<row r="`);
    out.digits(i + 1);
    out.text(`"><c><is><t>Workflow ${i} – Zürich 東京 🙂</t></is></c></row>`);
  }
}

const decoder = new TextDecoder();

describe("compressing a part as it is written", () => {
  test("the deflate stream, CRC and size are those of the bytes written, chunk ends and all", async () => {
    const plain = new XmlBytes();
    writeMarkup(plain);
    const expected = joinedPart(plain.chunks());
    expect(expected.length).toBeGreaterThan(4 << 20);

    const deflater = new PartDeflater();
    const out = new XmlBytes(deflater);
    writeMarkup(out);
    expect(out.chunks()).toEqual([]);
    const part = await deflater.finish();

    expect(part.size).toBe(expected.length);
    expect(part.crc).toBe(crc32(expected));
    expect(Buffer.compare(inflateRawSync(part.data), Buffer.from(expected))).toBe(0);
    expect(decoder.decode(expected)).toContain("Workflow 59999 – Zürich 東京 🙂");
  });

  test("a part compressed as written is read back and saved as what was written", async () => {
    const deflater = new PartDeflater();
    const out = new XmlBytes(deflater);
    writeMarkup(out);
    out.chunks();
    const pkg = new EditedPackage(null);
    pkg.put("xl/worksheets/sheet1.xml", await deflater.finish());
    const text = pkg.text("xl/worksheets/sheet1.xml");
    expect(text.startsWith(`<row r="1">`)).toBe(true);
    const saved = unzipParts(await pkg.save());
    expect(decoder.decode(saved.get("xl/worksheets/sheet1.xml"))).toBe(text);
  });
});

/** A gzip member written by hand, with the optional header fields zlib itself never writes. */
function gzipWith(data: Uint8Array, header: { name?: string; comment?: string; extra?: number[]; hcrc?: boolean }) {
  const flags = (header.extra ? 4 : 0) | (header.name ? 8 : 0) | (header.comment ? 16 : 0) | (header.hcrc ? 2 : 0);
  const bytes: number[] = [0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 255];
  if (header.extra) bytes.push(header.extra.length & 0xff, header.extra.length >> 8, ...header.extra);
  if (header.name) bytes.push(...Buffer.from(header.name, "latin1"), 0);
  if (header.comment) bytes.push(...Buffer.from(header.comment, "latin1"), 0);
  if (header.hcrc) bytes.push(0xab, 0xcd);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length, 4);
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), deflateRawSync(data), trailer]));
}

describe("reading the gzip member", () => {
  const data = new TextEncoder().encode("<sheetData/>".repeat(100));

  test("optional header fields are stepped over", () => {
    for (const header of [{}, { name: "sheet.xml" }, { extra: [1, 2, 3] }, { comment: "c", hcrc: true }]) {
      const member = gzipMember(gzipWith(data, header), data.length);
      expect(member.crc).toBe(crc32(data));
      expect(decoder.decode(inflateRawSync(member.data))).toBe(decoder.decode(data));
    }
  });

  test("a stream that is not gzip, or whose trailer gives another size, is refused, never stored", () => {
    const member = gzipWith(data, {});
    expect(() => gzipMember(member, data.length + 1)).toThrow(PackageError);
    expect(() => gzipMember(member.subarray(1), data.length)).toThrow(PackageError);
    expect(() => gzipMember(new Uint8Array(5), 0)).toThrow(/not saved/);
  });
});
