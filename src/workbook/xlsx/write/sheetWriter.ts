import type { LayoutCell, LayoutChart, LayoutTable, LayoutValidation, PrintSetup } from "../../layout";
import type { EditedPackage } from "../package/editedPackage";
import { readRelationships, relsPartOf, sourceOfRelsPart, type SheetEntry, type WorkbookIndex } from "../read";
import { chartPartXml, drawingPartXml } from "./chartXml";
import { CONTENT_TYPE, namespacesFor, type Namespaces } from "./namespaces";
import {
  editContentTypes,
  editRelationships,
  editWorkbook,
  freeRelationshipId,
  newContentTypes,
  overriddenParts,
  relationshipIds,
  relationshipsXml,
  type NewDefinedName,
  type NewRelationship,
  type NewSheet,
} from "./registration";
import { newStylesXml, StyleBook } from "./styleBook";
import { tableHeaders, tableXml } from "./tableXml";
import { blockOf, worksheetXml } from "./worksheetXml";

/**
 * Adds the add-in's sheets to a package, or rewrites its own sheets in place, by addition: new parts for the
 * sheets, their tables, drawings and charts; entries appended to the workbook, its relationships, the content
 * types and the styles; and nothing else of the user's touched. A sheet being replaced keeps its `<sheet>` entry
 * (name, sheetId, r:id, position) and its part name, so every reference to it keeps pointing at it; the parts
 * it hung from before (its tables, drawing, charts) are removed with their content types.
 */

export interface SheetToWrite {
  /** The name it is written under (already free, or the replaced sheet's own). */
  name: string;
  rows: (LayoutCell | null)[][];
  columnWidths: number[];
  tables: LayoutTable[];
  charts: LayoutChart[];
  validations?: LayoutValidation[];
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  state?: "hidden" | "veryHidden";
  /** The add-in's earlier sheet this one replaces, in place. */
  replaces?: SheetEntry;
}

export interface NameChanges {
  /** Defined names to cut, by lower-cased name and scope (null: workbook level). */
  remove: (name: string, localSheetId: number | null) => boolean;
  /** Names to add once every sheet's position is known. */
  add: (positions: ReadonlyMap<string, number>) => NewDefinedName[];
}

const REL_TYPE_SUFFIX = {
  table: "/table",
  drawing: "/drawing",
  chart: "/chart",
  calcChain: "/calcChain",
};

function folderOf(part: string): string {
  return part.includes("/") ? part.slice(0, part.lastIndexOf("/")) : "";
}

/** The target of a relationship from a part in `fromFolder` to `part`, as a relative path. */
export function relativeTarget(fromFolder: string, part: string): string {
  const from = fromFolder === "" ? [] : fromFolder.split("/");
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

class PartNames {
  private readonly taken: Set<string>;

  constructor(names: readonly string[]) {
    this.taken = new Set(names.map((n) => n.toLowerCase()));
  }

  free(folder: string, base: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder}/${base}${n}.xml`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}

/**
 * Every part name the package holds or points at: its parts, the content types' overrides and every
 * relationship's target. A workbook may point at parts it lacks (a sheet's drawing that was never written); the
 * add-in's own parts must not take such a name, or the user's sheet would show the add-in's chart.
 */
function namesInUse(pkg: EditedPackage): string[] {
  const names = [...pkg.names()];
  if (pkg.has("[Content_Types].xml")) names.push(...overriddenParts(pkg.text("[Content_Types].xml")));
  for (const rels of pkg.names()) {
    const source = sourceOfRelsPart(rels);
    if (source === null) continue;
    try {
      for (const rel of readRelationships(pkg, source)) if (!rel.external) names.push(rel.target);
    } catch {
      // A relationships part that does not parse points at nothing that can be known, so it reserves nothing.
    }
  }
  return names;
}

/** The parts an earlier sheet of the add-in's hung from: its relationships, tables, drawing and charts. */
function ownPartsOf(pkg: EditedPackage, sheetPart: string): string[] {
  const parts: string[] = [];
  const visit = (part: string, depth: number) => {
    const rels = readRelationships(pkg, part);
    if (pkg.has(relsPartOf(part))) parts.push(relsPartOf(part));
    for (const rel of rels) {
      if (rel.external) continue;
      const kind = Object.entries(REL_TYPE_SUFFIX).find(([, suffix]) => rel.type.endsWith(suffix))?.[0];
      if (kind !== "table" && kind !== "drawing" && kind !== "chart") continue;
      if (!pkg.has(rel.target) || parts.includes(rel.target)) continue;
      parts.push(rel.target);
      if (depth < 2) visit(rel.target, depth + 1);
    }
  };
  visit(sheetPart, 0);
  return parts;
}

export interface WriteOutcome {
  /** Per sheet written, the names its tables got. */
  tableNames: string[][];
}

export async function writeSheets(
  pkg: EditedPackage,
  index: WorkbookIndex,
  sheets: readonly SheetToWrite[],
  names: NameChanges,
  tableNamesFor: (sheet: SheetToWrite) => string[],
  onSheet?: (i: number) => void,
): Promise<WriteOutcome> {
  const ns: Namespaces = namespacesFor(index.strict);
  const partNames = new PartNames(namesInUse(pkg));
  const workbookFolder = folderOf(index.workbookPart);
  const overrides: { part: string; type: string }[] = [];
  const removedParts = new Set<string>();

  const workbookRels = pkg.has(index.workbookRelsPart) ? pkg.text(index.workbookRelsPart) : relationshipsXml([]);
  const workbookRelIds = new Set(relationshipIds(workbookRels, index.workbookRelsPart));
  const addedWorkbookRels: NewRelationship[] = [];
  const removedWorkbookRels = new Set<string>();

  // Excel rebuilds the calculation chain; a stale one naming cells that no longer hold formulas makes it repair.
  for (const rel of index.workbookRelationships) {
    if (!rel.external && rel.type.endsWith(REL_TYPE_SUFFIX.calcChain)) {
      removedWorkbookRels.add(rel.id);
      removedParts.add(rel.target);
      pkg.remove(rel.target);
    }
  }

  let stylesPart = index.stylesPart;
  if (stylesPart === null || !pkg.has(stylesPart)) {
    stylesPart = stylesPart ?? partNames.free(workbookFolder || "xl", "styles");
    pkg.put(stylesPart, newStylesXml(ns.main));
    overrides.push({ part: stylesPart, type: CONTENT_TYPE.styles });
    if (index.stylesPart === null) {
      const id = freeRelationshipId([...workbookRelIds]);
      workbookRelIds.add(id);
      addedWorkbookRels.push({ id, type: ns.relType("styles"), target: relativeTarget(workbookFolder, stylesPart) });
    }
  }
  const styles = new StyleBook(pkg.text(stylesPart), stylesPart);

  let nextSheetId = Math.max(0, ...index.sheets.map((s) => s.sheetId)) + 1;
  let nextTableId = Math.max(0, ...index.tables.map((t) => t.id)) + 1;
  const newSheets: NewSheet[] = [];
  const positions = new Map<string, number>();
  index.sheets.forEach((s) => positions.set(s.name.toLowerCase(), s.position));
  const outcome: WriteOutcome = { tableNames: [] };

  for (const [i, sheet] of sheets.entries()) {
    let part: string;
    if (sheet.replaces?.part) {
      part = sheet.replaces.part;
      for (const old of ownPartsOf(pkg, part)) {
        removedParts.add(old);
        pkg.remove(old);
      }
    } else {
      part = partNames.free(`${workbookFolder || "xl"}/worksheets`, "sheet");
      const relId = freeRelationshipId([...workbookRelIds]);
      workbookRelIds.add(relId);
      addedWorkbookRels.push({
        id: relId,
        type: ns.relType("worksheet"),
        target: relativeTarget(workbookFolder, part),
      });
      newSheets.push({ name: sheet.name, sheetId: nextSheetId++, relId, state: sheet.state });
      positions.set(sheet.name.toLowerCase(), index.sheets.length + newSheets.length - 1);
      overrides.push({ part, type: CONTENT_TYPE.worksheet });
    }

    const sheetFolder = folderOf(part);
    const sheetRels: NewRelationship[] = [];
    const rows = sheet.rows.map((r) => r.slice());
    const tableNames = tableNamesFor(sheet);
    const tableRelIds: string[] = [];
    sheet.tables.forEach((table, i) => {
      const block = blockOf(table.range, `The table ${table.name}`);
      const columns = tableHeaders(rows, block);
      // Header cells must hold exactly the column names, or Excel repairs the file.
      columns.forEach((name, k) => {
        const row = (rows[block.top - 1] ??= []);
        const cell = row[block.left - 1 + k];
        if (cell?.value !== name) row[block.left - 1 + k] = { ...(cell ?? {}), value: name, formula: undefined };
      });
      const tablePart = partNames.free(`${workbookFolder || "xl"}/tables`, "table");
      pkg.put(tablePart, tableXml(ns, { id: nextTableId++, name: tableNames[i], block, columns }));
      overrides.push({ part: tablePart, type: CONTENT_TYPE.table });
      const relId = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id: relId, type: ns.relType("table"), target: relativeTarget(sheetFolder, tablePart) });
      tableRelIds.push(relId);
    });
    outcome.tableNames.push(tableNames);

    let drawingRelId: string | undefined;
    if (sheet.charts.length > 0) {
      const drawingPart = partNames.free(`${workbookFolder || "xl"}/drawings`, "drawing");
      const drawingRels: NewRelationship[] = [];
      const placed = sheet.charts.map((chart, i) => {
        const chartPart = partNames.free(`${workbookFolder || "xl"}/charts`, "chart");
        pkg.put(chartPart, chartPartXml(ns, sheet.name, chart, rows));
        overrides.push({ part: chartPart, type: CONTENT_TYPE.chart });
        const relId = `rId${i + 1}`;
        drawingRels.push({
          id: relId,
          type: ns.relType("chart"),
          target: relativeTarget(folderOf(drawingPart), chartPart),
        });
        return { chart, relId };
      });
      pkg.put(drawingPart, drawingPartXml(ns, placed));
      pkg.put(relsPartOf(drawingPart), relationshipsXml(drawingRels));
      overrides.push({ part: drawingPart, type: CONTENT_TYPE.drawing });
      drawingRelId = `rId${sheetRels.length + 1}`;
      sheetRels.push({
        id: drawingRelId,
        type: ns.relType("drawing"),
        target: relativeTarget(sheetFolder, drawingPart),
      });
    }

    pkg.put(part, await worksheetXml({ ...sheet, rows }, ns, styles, { drawing: drawingRelId, tables: tableRelIds }));
    if (sheetRels.length > 0) pkg.put(relsPartOf(part), relationshipsXml(sheetRels));
    onSheet?.(i);
  }

  const workbook = editWorkbook(pkg.text(index.workbookPart), index.workbookPart, ns.relationships, {
    addSheets: newSheets,
    removeName: names.remove,
    addNames: names.add(positions),
  });
  pkg.put(index.workbookPart, workbook);
  const rels = editRelationships(workbookRels, index.workbookRelsPart, addedWorkbookRels, removedWorkbookRels);
  if (rels !== workbookRels || !pkg.has(index.workbookRelsPart)) pkg.put(index.workbookRelsPart, rels);
  const contentTypes = pkg.has("[Content_Types].xml") ? pkg.text("[Content_Types].xml") : newContentTypes();
  const types = editContentTypes(contentTypes, overrides, removedParts);
  if (types !== contentTypes || !pkg.has("[Content_Types].xml")) pkg.put("[Content_Types].xml", types);
  if (styles.changed()) pkg.put(stylesPart, styles.result());
  return outcome;
}
