import { zipEntry } from "../support/workbooks";

/**
 * The values in a workbook as its sheet XML holds them, read straight from the package: ExcelJS drops a formula's
 * cached result when it is 0 or FALSE, which is most of what a None row and a year past the horizon show.
 */

export type CellResult = string | number | boolean | { error: string } | null;

export interface SheetResults {
  /** By A1 address: the cached value, and whether the cell holds a formula. */
  cells: Map<string, { value: CellResult; formula: boolean }>;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1])).join("");
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function tryEntry(bytes: Uint8Array, name: string): string | null {
  try {
    return zipEntry(bytes, name);
  } catch {
    return null;
  }
}

/** Every sheet's cells, by sheet name. */
export function readResults(bytes: Uint8Array): Map<string, SheetResults> {
  const workbook = zipEntry(bytes, "xl/workbook.xml");
  const rels = zipEntry(bytes, "xl/_rels/workbook.xml.rels");
  const shared = tryEntry(bytes, "xl/sharedStrings.xml");
  const strings = shared ? [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1])) : [];
  const targets = new Map(
    [...rels.matchAll(/<Relationship(\s[^>]*)\/?>/g)].map((m) => [attribute(m[1], "Id"), attribute(m[1], "Target")]),
  );
  const sheets = new Map<string, SheetResults>();
  for (const m of workbook.matchAll(/<sheet(\s[^>]*)\/>/g)) {
    const name = decode(attribute(m[1], "name") ?? "");
    const id = attribute(m[1], "r:id");
    const target = (targets.get(id) ?? "").replace(/^\/?xl\//, "").replace(/^\//, "");
    const xml = zipEntry(bytes, `xl/${target}`);
    const cells = new Map<string, { value: CellResult; formula: boolean }>();
    for (const c of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = ` ${c[1]}`;
      const address = attribute(attrs, "r");
      if (!address) continue;
      const inner = c[2] ?? "";
      const type = attribute(attrs, "t") ?? "n";
      const formula = /<f[\s>/]/.test(inner);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: CellResult = null;
      if (type === "inlineStr") value = texts(inner);
      else if (v === undefined) value = type === "str" && formula ? "" : null;
      else if (type === "str") value = decode(v);
      else if (type === "s") value = strings[Number(v)] ?? null;
      else if (type === "b") value = v.trim() === "1";
      else if (type === "e") value = { error: v };
      else value = Number(v);
      cells.set(address, { value, formula });
    }
    sheets.set(name, { cells });
  }
  return sheets;
}
