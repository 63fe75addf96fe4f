import type { PartSource } from "../package/partSource";
import { XlsxError } from "./errors";
import { findPart, readRelationships, relationshipKind } from "./relationships";
import type {
  ContentTypes,
  DefinedNameEntry,
  RelationshipEntry,
  SheetEntry,
  SheetKind,
  SheetState,
  TableColumnEntry,
  TableEntry,
  WorkbookIndex,
} from "./types";
import { CLOSE, END, OPEN, TEXT, XmlCursor } from "./xmlCursor";

/**
 * The workbook's index, read from the few small parts that hold it ([Content_Types].xml, the relationships, the
 * workbook part and the table parts), never from a sheet's cells.
 */

const WORKBOOK_CONTENT_TYPE =
  /spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml$/;

const STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/";

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function readContentTypes(parts: PartSource): ContentTypes {
  const name = findPart(parts, "[Content_Types].xml");
  const defaults: Record<string, string> = {};
  const overrides: Record<string, string> = {};
  if (name === null) return { defaults, overrides };
  const cursor = new XmlCursor(parts.text(name), name);
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token !== OPEN) continue;
    if (cursor.name === "Default") {
      const extension = cursor.attr("Extension");
      const type = cursor.attr("ContentType");
      if (extension !== undefined && type !== undefined) defaults[extension.toLowerCase()] = type;
    } else if (cursor.name === "Override") {
      const part = cursor.attr("PartName");
      const type = cursor.attr("ContentType");
      if (part !== undefined && type !== undefined) overrides[part.replace(/^\//, "")] = type;
    }
  }
  return { defaults, overrides };
}

/** The content type of a part: its override, else its extension's default. */
export function contentTypeOf(types: ContentTypes, part: string): string | null {
  const lower = part.toLowerCase();
  for (const [name, type] of Object.entries(types.overrides)) if (name.toLowerCase() === lower) return type;
  const dot = part.lastIndexOf(".");
  return dot < 0 ? null : (types.defaults[part.slice(dot + 1).toLowerCase()] ?? null);
}

/**
 * The workbook part: where the package's root relationship points, as OPC says; where that part of the package
 * is missing (some writers forget `_rels/.rels`), the part declared as a workbook, then the usual name.
 */
function findWorkbookPart(parts: PartSource, types: ContentTypes): string {
  const root = readRelationships(parts, "").find((r) => !r.external && relationshipKind(r.type) === "officeDocument");
  const fromRoot = root ? findPart(parts, root.target) : null;
  if (fromRoot !== null) return fromRoot;
  for (const [name, type] of Object.entries(types.overrides)) {
    const found = WORKBOOK_CONTENT_TYPE.test(type) ? findPart(parts, name) : null;
    if (found !== null) return found;
  }
  const usual = findPart(parts, "xl/workbook.xml");
  if (usual !== null) return usual;
  throw new XlsxError(
    "The workbook is damaged: it holds no workbook part (the list of its sheets). Open it in Excel, let Excel " +
      "repair it, and save it again.",
  );
}

function sheetKindOf(relationship: RelationshipEntry | undefined): SheetKind {
  const kind = relationship ? relationshipKind(relationship.type).toLowerCase() : "worksheet";
  if (kind === "chartsheet") return "chartsheet";
  if (kind === "dialogsheet") return "dialogsheet";
  if (kind === "xlmacrosheet" || kind === "xlintlmacrosheet") return "macrosheet";
  return "worksheet";
}

function sheetStateOf(value: string | undefined): SheetState {
  return value === "hidden" || value === "veryHidden" ? value : "visible";
}

/** The namespace of the element the cursor is on, from its own or its ancestors' declarations (root only here). */
function rootNamespace(cursor: XmlCursor): string {
  const colon = cursor.qualifiedName.indexOf(":");
  const declaration = colon < 0 ? "xmlns" : `xmlns:${cursor.qualifiedName.slice(0, colon)}`;
  return cursor.attr(declaration, true) ?? "";
}

interface WorkbookPartContent {
  strict: boolean;
  date1904: boolean;
  lockStructure: boolean;
  sheets: { name: string; sheetId: number; relId: string; state: SheetState }[];
  definedNames: DefinedNameEntry[];
}

function readWorkbookPart(parts: PartSource, workbookPart: string): WorkbookPartContent {
  const cursor = new XmlCursor(parts.text(workbookPart), `the workbook part (${workbookPart})`);
  const content: WorkbookPartContent = {
    strict: false,
    date1904: false,
    lockStructure: false,
    sheets: [],
    definedNames: [],
  };
  let parent = "";
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === CLOSE) {
      if (cursor.depth === 1) parent = "";
      continue;
    }
    if (token !== OPEN) continue;
    const depth = cursor.selfClosing ? cursor.depth + 1 : cursor.depth;
    if (depth === 1) {
      if (cursor.name !== "workbook") {
        throw new XlsxError(
          `The workbook is damaged: its workbook part (${workbookPart}) holds <${cursor.qualifiedName}>, not a workbook. ` +
            "Open it in Excel, let Excel repair it, and save it again.",
        );
      }
      content.strict = rootNamespace(cursor).startsWith(STRICT_NAMESPACE) || cursor.attr("conformance") === "strict";
      continue;
    }
    if (depth === 2) {
      parent = cursor.selfClosing ? "" : cursor.name;
      if (cursor.name === "workbookPr") content.date1904 = isTrue(cursor.attr("date1904"));
      else if (cursor.name === "workbookProtection") content.lockStructure = isTrue(cursor.attr("lockStructure"));
      continue;
    }
    if (depth !== 3) continue;
    if (parent === "sheets" && cursor.name === "sheet") {
      content.sheets.push({
        name: cursor.attr("name") ?? "",
        sheetId: Number(cursor.attr("sheetId") ?? 0),
        relId: cursor.attr("id") ?? "",
        state: sheetStateOf(cursor.attr("state")),
      });
      cursor.skip();
    } else if (parent === "definedNames" && cursor.name === "definedName") {
      const name = cursor.attr("name") ?? "";
      const local = cursor.attr("localSheetId");
      const hidden = isTrue(cursor.attr("hidden"));
      content.definedNames.push({
        name,
        localSheetId: local === undefined || !/^\d+$/.test(local) ? null : Number(local),
        hidden,
        text: cursor.innerText(),
      });
    }
  }
  return content;
}

function readTablePart(parts: PartSource, part: string, sheet: string, relId: string): TableEntry | null {
  const stored = findPart(parts, part);
  if (stored === null) return null;
  const cursor = new XmlCursor(parts.text(stored), `the table part ${stored}`);
  let table: TableEntry | null = null;
  let column: TableColumnEntry | null = null;
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === OPEN && cursor.name === "table" && table === null) {
      const name = cursor.attr("name") ?? cursor.attr("displayName") ?? "";
      table = {
        id: Number(cursor.attr("id") ?? 0),
        name,
        displayName: cursor.attr("displayName") ?? name,
        sheet,
        part: stored,
        relId,
        ref: cursor.attr("ref") ?? "",
        headerRowCount: Number(cursor.attr("headerRowCount") ?? 1),
        totalsRowCount: Number(cursor.attr("totalsRowCount") ?? 0),
        columns: [],
      };
    } else if (token === OPEN && cursor.name === "tableColumn" && table) {
      column = { id: Number(cursor.attr("id") ?? 0), name: cursor.attr("name") ?? "", calculatedFormula: null };
      table.columns.push(column);
      if (cursor.selfClosing) column = null;
    } else if (token === OPEN && cursor.name === "calculatedColumnFormula" && column) {
      column.calculatedFormula = cursor.innerText();
    } else if (token === CLOSE && cursor.name === "tableColumn") {
      column = null;
    } else if (token === TEXT) {
      continue;
    }
  }
  return table;
}

export function readIndex(parts: PartSource): WorkbookIndex {
  const contentTypes = readContentTypes(parts);
  const workbookPart = findWorkbookPart(parts, contentTypes);
  const workbookRelationships = readRelationships(parts, workbookPart);
  const slash = workbookPart.lastIndexOf("/");
  const workbookRelsPart = `${workbookPart.slice(0, slash + 1)}_rels/${workbookPart.slice(slash + 1)}.rels`;
  const content = readWorkbookPart(parts, workbookPart);
  const byId = new Map(workbookRelationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = content.sheets.map((s, position) => {
    const relationship = byId.get(s.relId);
    const part = relationship && !relationship.external ? findPart(parts, relationship.target) : null;
    return { ...s, part, kind: sheetKindOf(relationship), position };
  });
  const tables: TableEntry[] = [];
  for (const sheet of sheets) {
    if (sheet.kind !== "worksheet" || sheet.part === null) continue;
    for (const r of readRelationships(parts, sheet.part)) {
      if (r.external || relationshipKind(r.type) !== "table") continue;
      const table = readTablePart(parts, r.target, sheet.name, r.id);
      if (table) tables.push(table);
    }
  }
  const related = (kind: string): string | null => {
    const r = workbookRelationships.find((x) => !x.external && relationshipKind(x.type) === kind);
    return r ? findPart(parts, r.target) : null;
  };
  const hasMacros =
    workbookRelationships.some((r) => relationshipKind(r.type) === "vbaProject") ||
    parts.names().some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
  return {
    workbookPart,
    workbookRelsPart: findPart(parts, workbookRelsPart) ?? workbookRelsPart,
    workbookContentType: contentTypeOf(contentTypes, workbookPart),
    contentTypes,
    workbookRelationships,
    strict: content.strict,
    date1904: content.date1904,
    lockStructure: content.lockStructure,
    hasMacros,
    sheets,
    definedNames: content.definedNames,
    tables,
    sharedStringsPart: related("sharedStrings"),
    stylesPart: related("styles"),
  };
}
