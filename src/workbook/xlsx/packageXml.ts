import { entryText, readEntries } from "./zipEdit";

/** Reading an .xlsx package's wiring: which part is which sheet, and what each part's relationships point at. */

export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found[name] = value;
  return found;
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => {
    const a = attributes(tag);
    return { id: a.Id, type: a.Type, target: a.Target };
  });
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
export function resolveTarget(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = folder.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/"));
}

/** Each sheet's part, by sheet name, from xl/workbook.xml and its relationships. */
export function sheetPartsOf(workbookXml: string, workbookRels: string): Map<string, string> {
  const rels = relationships(workbookRels);
  const parts = new Map<string, string>();
  for (const [tag] of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(tag);
    const rel = rels.find((r) => r.id === a["r:id"]);
    if (a.name !== undefined && rel) parts.set(unescapeXml(a.name), resolveTarget("xl", rel.target));
  }
  return parts;
}

/**
 * The part names of a package, and those that hang from the named sheets through relationships (their drawings,
 * charts, images, tables): what belongs to those sheets.
 */
export async function partsOf(
  bytes: Uint8Array,
  sheets: readonly string[],
): Promise<{ all: string[]; ofSheets: Set<string> }> {
  const entries = readEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = async (name: string) => {
    const entry = byName.get(name);
    return entry ? entryText(entry) : null;
  };
  const ofSheets = new Set<string>();
  const workbookXml = await text("xl/workbook.xml");
  const workbookRels = await text("xl/_rels/workbook.xml.rels");
  if (workbookXml !== null && workbookRels !== null) {
    const sheetParts = sheetPartsOf(workbookXml, workbookRels);
    const queue = sheets.map((s) => sheetParts.get(s)).filter((p): p is string => p !== undefined);
    while (queue.length > 0) {
      const part = queue.pop()!;
      if (ofSheets.has(part)) continue;
      ofSheets.add(part);
      const rels = await text(relsPartOf(part));
      if (rels === null) continue;
      for (const rel of relationships(rels)) {
        if (/^https?:/i.test(rel.target)) continue;
        queue.push(resolveTarget(folderOf(part), rel.target));
      }
    }
  }
  return { all: entries.map((e) => e.name), ofSheets };
}
