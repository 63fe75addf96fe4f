import { partsOf } from "../workbook/xlsx/packageXml";

/**
 * What a copy written through ExcelJS cannot carry over from the input: ExcelJS rewrites the whole workbook and
 * drops the parts it does not model (charts, pivot tables, …). The input is never changed, but the user must be
 * told what the copy lacks. Found by comparing the two files' parts, leaving out those of the add-in's sheets.
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

/** The parts of each kind outside the add-in's own sheets; null where the file cannot be read as a package. */
async function foreignCounts(bytes: Uint8Array, ownSheets: readonly string[]): Promise<number[] | null> {
  try {
    const { all, ofSheets } = await partsOf(bytes, ownSheets);
    const foreign = all.filter((name) => !ofSheets.has(name));
    return KINDS.map(({ part }) => foreign.filter((name) => part.test(name)).length);
  } catch {
    return null;
  }
}

/**
 * Kinds of content the input has more of than the output, outside the add-in's own sheets (whose charts are
 * replaced on purpose), in the order of KINDS.
 */
export async function lostKinds(
  input: Uint8Array,
  inputOwnSheets: readonly string[],
  output: Uint8Array,
  outputOwnSheets: readonly string[],
): Promise<string[]> {
  const before = await foreignCounts(input, inputOwnSheets);
  const after = await foreignCounts(output, outputOwnSheets);
  if (before === null || after === null) return [];
  return KINDS.filter((_, i) => before[i] > after[i]).map(({ kind }) => kind);
}
