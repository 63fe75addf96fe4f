import type { PartSource } from "../package/partSource";
import type { RelationshipEntry } from "./types";
import { OPEN, END, XmlCursor } from "./xmlCursor";

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The inverse: "xl/_rels/workbook.xml.rels" → "xl/workbook.xml", "_rels/.rels" → ""; null for any other part. */
export function sourceOfRelsPart(rels: string): string | null {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(rels);
  return match ? match[1] + match[2] : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A relationship's target as a part name: relative to the folder of the part that holds it ("worksheets/
 * sheet1.xml", "../tables/table1.xml") or absolute from the package root ("/xl/tables/table1.xml"), as writers
 * differ; percent-escapes decoded, no leading "/".
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = safeDecode(target.split("#")[0]);
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/**
 * The name under which a part is stored: part names compare without case in OPC, and some writers percent-escape
 * the zip entry's name where others do not.
 */
export function findPart(parts: PartSource, name: string): string | null {
  if (parts.has(name)) return name;
  const lower = name.toLowerCase();
  for (const stored of parts.names()) {
    if (stored.toLowerCase() === lower || safeDecode(stored).toLowerCase() === lower) return stored;
  }
  return null;
}

/** The relationships of `sourcePart` ("" for the package's own), or none where it has no relationships part. */
export function readRelationships(parts: PartSource, sourcePart: string): RelationshipEntry[] {
  const relsName = findPart(parts, relsPartOf(sourcePart));
  if (relsName === null) return [];
  const cursor = new XmlCursor(parts.text(relsName), relsName);
  const found: RelationshipEntry[] = [];
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token !== OPEN || cursor.name !== "Relationship") continue;
    const id = cursor.attr("Id") ?? "";
    const type = cursor.attr("Type") ?? "";
    const target = cursor.attr("Target") ?? "";
    const external = cursor.attr("TargetMode") === "External";
    found.push({ id, type, target: external ? target : resolveTarget(sourcePart, target), external });
  }
  return found;
}

/** The last segment of a relationship type: ".../relationships/worksheet" → "worksheet" (transitional or strict). */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}
