/**
 * What a copy written through ExcelJS cannot carry over from the input: ExcelJS rewrites the whole workbook and
 * drops the parts it does not model (charts, pivot tables, …). The input is never changed, but the user must be
 * told what the copy lacks. Found by comparing the two files' part names, read from their zip directories.
 */

const KINDS: { kind: string; part: RegExp }[] = [
  { kind: "charts", part: /^xl\/charts\/chart\d*\.xml$/i },
  { kind: "pivot tables", part: /^xl\/pivotTables\/[^/]+\.xml$/i },
  { kind: "slicers", part: /^xl\/slicers\/[^/]+\.xml$/i },
  { kind: "timelines", part: /^xl\/timelines\/[^/]+\.xml$/i },
  { kind: "images and shapes", part: /^xl\/(media\/[^/]+|drawings\/drawing\d*\.xml)$/i },
  { kind: "threaded comments", part: /^xl\/threadedComments\/[^/]+\.xml$/i },
  { kind: "links to other workbooks", part: /^xl\/externalLinks\/[^/]+\.xml$/i },
  { kind: "data connections and queries", part: /^xl\/(connections\.xml|queryTables\/[^/]+\.xml)$/i },
  { kind: "the data model", part: /^xl\/model\/[^/]+$/i },
  { kind: "macros", part: /^xl\/vbaProject\.bin$/i },
  { kind: "add-in panes and their saved settings", part: /^xl\/webextensions\/[^/]+\.xml$/i },
  { kind: "custom XML data", part: /^customXml\/item\d*\.xml$/i },
];

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The entry names in a zip's central directory; empty where the bytes are not a zip this can read. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== CENTRAL) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Kinds of content the input has more of than the output, in the order of KINDS. */
export function lostKinds(input: Uint8Array, output: Uint8Array): string[] {
  const before = zipEntryNames(input);
  const after = zipEntryNames(output);
  const count = (names: string[], part: RegExp) => names.filter((name) => part.test(name)).length;
  return KINDS.filter(({ part }) => count(before, part) > count(after, part)).map(({ kind }) => kind);
}
