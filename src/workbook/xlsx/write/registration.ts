import { childNamed, childrenNamed, parseXmlIndex, prefixFor, type XmlElement } from "../package/xmlIndex";
import { CONTENT_TYPES, PACKAGE_RELATIONSHIPS, XML_HEADER } from "./namespaces";
import { applyEdits, escapeXml, type TextEdit } from "./xmlText";

/**
 * Edits of the parts that register the add-in's own: `[Content_Types].xml`, the workbook part and its
 * relationships. Each edit inserts new elements before a closing tag, or cuts out the add-in's own earlier
 * elements, and leaves every other byte of the part as it was.
 */

function closingPoint(element: XmlElement): { at: number; edits: TextEdit[] } {
  if (!element.selfClosing) return { at: element.closeStart, edits: [] };
  // `<sheets/>`: open it, so children can go in.
  const tagText = element.qname;
  return {
    at: element.openEnd,
    edits: [
      { from: element.openEnd - 2, to: element.openEnd, insert: `>` },
      { from: element.openEnd, to: element.openEnd, insert: `</${tagText}>` },
    ],
  };
}

function partKey(name: string): string {
  return (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
}

/** Overrides added for new parts; the overrides of removed parts (and earlier ones for the same names) cut. */
export function editContentTypes(
  text: string,
  add: readonly { part: string; type: string }[],
  remove: ReadonlySet<string>,
): string {
  const { root } = parseXmlIndex(text, "[Content_Types].xml");
  const cut = new Set([...remove].map(partKey).concat(add.map((a) => partKey(a.part))));
  const edits: TextEdit[] = [];
  for (const override of childrenNamed(root, "Override")) {
    if (cut.has(partKey(override.attributes.PartName ?? "")))
      edits.push({ from: override.start, to: override.end, insert: "" });
  }
  const prefix = root.prefix ? `${root.prefix}:` : "";
  const added = add
    .map((a) => `<${prefix}Override PartName="/${escapeXml(a.part)}" ContentType="${escapeXml(a.type)}"/>`)
    .join("");
  if (added) {
    const { at, edits: open } = closingPoint(root);
    edits.push(...open.slice(0, 1), { from: at, to: at, insert: added }, ...open.slice(1));
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}

/** The part names the content types name in an Override, without the leading "/". */
export function overriddenParts(text: string): string[] {
  const { root } = parseXmlIndex(text, "[Content_Types].xml");
  return childrenNamed(root, "Override").map((o) => (o.attributes.PartName ?? "").replace(/^\//, ""));
}

/** The content types part of a package made from nothing. */
export function newContentTypes(): string {
  return (
    XML_HEADER +
    `<Types xmlns="${CONTENT_TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/></Types>`
  );
}

export interface NewRelationship {
  id: string;
  type: string;
  /** Relative to the folder of the part the relationships belong to. */
  target: string;
}

export function relationshipsXml(rels: readonly NewRelationship[]): string {
  return (
    XML_HEADER +
    `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
    rels
      .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`)
      .join("") +
    `</Relationships>`
  );
}

export function relationshipIds(text: string, part: string): string[] {
  const { root } = parseXmlIndex(text, part);
  return childrenNamed(root, "Relationship").map((r) => r.attributes.Id ?? "");
}

/** "rId" + a number above every rId in use, so ids never repeat (ids are case-sensitive, compared exactly). */
export function freeRelationshipId(taken: Iterable<string>): string {
  let max = 0;
  const all = new Set(taken);
  for (const id of all) {
    const n = /^rId(\d+)$/.exec(id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  let n = max + 1;
  while (all.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function editRelationships(
  text: string,
  part: string,
  add: readonly NewRelationship[],
  removeIds: ReadonlySet<string>,
): string {
  const { root } = parseXmlIndex(text, part);
  const edits: TextEdit[] = [];
  for (const rel of childrenNamed(root, "Relationship")) {
    if (removeIds.has(rel.attributes.Id ?? "")) edits.push({ from: rel.start, to: rel.end, insert: "" });
  }
  const prefix = root.prefix ? `${root.prefix}:` : "";
  const added = add
    .map(
      (r) =>
        `<${prefix}Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
    )
    .join("");
  if (added) {
    const { at, edits: open } = closingPoint(root);
    edits.push(...open.slice(0, 1), { from: at, to: at, insert: added }, ...open.slice(1));
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}

export interface NewSheet {
  name: string;
  sheetId: number;
  relId: string;
  state?: "hidden" | "veryHidden";
}

export interface NewDefinedName {
  name: string;
  /** The reference, without "=". */
  text: string;
  localSheetId?: number;
  hidden?: boolean;
}

/** Where definedNames goes when the workbook has none: after sheets, functionGroups and externalReferences. */
const BEFORE_DEFINED_NAMES = ["sheets", "functionGroups", "externalReferences"];

export function editWorkbook(
  text: string,
  part: string,
  relationshipsNs: string,
  change: {
    addSheets: readonly NewSheet[];
    /** The defined names to cut: the add-in's own, about to be written again. */
    removeName: (name: string, localSheetId: number | null) => boolean;
    addNames: readonly NewDefinedName[];
  },
): string {
  const { root } = parseXmlIndex(text, part);
  const edits: TextEdit[] = [];
  const sheets = childNamed(root, "sheets");
  if (!sheets) throw new RangeError("the workbook part has no <sheets>");
  const main = sheets.prefix ? `${sheets.prefix}:` : "";
  if (change.addSheets.length > 0) {
    const r = prefixFor(sheets, relationshipsNs);
    const rPrefix = r === null || r === "" ? "r:" : r;
    const declare = r === null || r === "" ? ` xmlns:r="${relationshipsNs}"` : "";
    const added = change.addSheets
      .map(
        (s) =>
          `<${main}sheet${declare} name="${escapeXml(s.name)}" sheetId="${s.sheetId}"` +
          `${s.state ? ` state="${s.state}"` : ""} ${rPrefix}id="${escapeXml(s.relId)}"/>`,
      )
      .join("");
    const { at, edits: open } = closingPoint(sheets);
    edits.push(...open.slice(0, 1), { from: at, to: at, insert: added }, ...open.slice(1));
  }
  const names = childNamed(root, "definedNames");
  const kept: XmlElement[] = [];
  if (names) {
    for (const dn of childrenNamed(names, "definedName")) {
      const local = dn.attributes.localSheetId;
      if (change.removeName(dn.attributes.name ?? "", local === undefined ? null : Number(local))) {
        edits.push({ from: dn.start, to: dn.end, insert: "" });
      } else kept.push(dn);
    }
  }
  const added = change.addNames
    .map(
      (n) =>
        `<${main}definedName name="${escapeXml(n.name)}"` +
        `${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}${n.hidden ? ` hidden="1"` : ""}>` +
        `${escapeXml(n.text)}</${main}definedName>`,
    )
    .join("");
  if (names) {
    if (added) {
      const { at, edits: open } = closingPoint(names);
      edits.push(...open.slice(0, 1), { from: at, to: at, insert: added }, ...open.slice(1));
    } else if (kept.length === 0 && childrenNamed(names, "definedName").length > 0) {
      // Every name was the add-in's: an empty <definedNames> is invalid, so it goes too.
      edits.length = 0;
      return editWorkbook(applyEdits(text, [{ from: names.start, to: names.end, insert: "" }]), part, relationshipsNs, {
        ...change,
        removeName: () => false,
      });
    }
  } else if (added) {
    const after = root.children.filter((c) => BEFORE_DEFINED_NAMES.includes(c.local)).pop() ?? sheets;
    const at = after.end;
    edits.push({ from: at, to: at, insert: `<${main}definedNames>${added}</${main}definedNames>` });
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}
