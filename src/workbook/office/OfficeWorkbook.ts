/// <reference types="office-js" />
import { rangeAddress } from "../a1";
import type { AnalysisLayout, GridValue, LayoutChart, LayoutValidation, SheetRole } from "../layout";
import { freeSheetName, roleOfMarker, SETTINGS_MARKER } from "../marker";
import { joinSettings } from "../settingsColumn";
import type { ProgressListener, SourceGrid, TableCandidate, WorkbookPort, WrittenSheet } from "../port";
import { errorCells, gridCell, gridValues, headerText } from "./gridRead";
import { blockEnded, blockRows, columnFormats, currentBlock, FORMAT_SAMPLE_ROWS, readArea } from "./readPlan";
import { parseRange, rectAddress, type Rect } from "./rect";
import { localAddress, parseQualified, qualify, sheetOfFormula } from "./reference";
import { freeTableName, planInsert, planWrite, type Inventory, type WriteOp, type WritePlan } from "./writePlan";
import { planRestore, type RestoreSheet } from "./restorePlan";

/**
 * The workbook port over Office.js. Kept thin on purpose: every decision (names, which sheets are ours, how the
 * writes are cut into requests, how a read is cut into blocks) is made by host-free modules; this file only loads,
 * queues and syncs, in a fixed number of round trips however many sheets, tables or names the workbook holds,
 * since each `context.sync()` is a round trip to Excel. Only the data itself adds round trips: one per 4 MB.
 *
 * Requirement sets: ExcelApi 1.9 at most (copyFrom, autoFill, getSpecialCellsOrNullObject, page layout), as the
 * manifest declares.
 */

/** Excel.run's shape, so tests can hand in a context of their own. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The Setting that keeps the wizard's state in the document. */
export const SETTINGS_KEY = "AIBUDGET.wizard";

/** Office's enums as their strings: the module then loads where the `Excel` global is absent (tests, bench). */
const CHART_TYPES: Record<LayoutChart["kind"], "ColumnClustered" | "BarClustered" | "Line"> = {
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  line: "Line",
};
/** Excel.ChartSeriesBy.columns / .rows: never "Auto", which the desktop guesses and the web reads as columns. */
const SERIES_BY: Record<LayoutChart["seriesBy"], "Columns" | "Rows"> = { columns: "Columns", rows: "Rows" };

function isNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "ItemNotFound";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Round one: every sheet, table and defined name, each by the properties read. */
function loadInventory(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name,items/type,items/formula");
  return { sheets, tables, names };
}

/** Round two: the sheet each marker name points at (a marker whose sheet was deleted reads as an Error name). */
function loadMarkerSheets(names: Excel.NamedItemCollection): { role: SheetRole; sheet: Excel.Worksheet }[] {
  const found: { role: SheetRole; sheet: Excel.Worksheet }[] = [];
  for (const item of names.items) {
    const role = roleOfMarker(item.name);
    if (role === null || item.type !== "Range") continue;
    found.push({ role, sheet: item.getRange().worksheet.load("name") });
  }
  return found;
}

/** Round two too: that sheet, where a workbook from the command line has one. */
function loadSettingsSheet(names: Excel.NamedItemCollection): Excel.Worksheet | null {
  const item = names.items.find((n) => n.name.toUpperCase() === SETTINGS_MARKER && n.type === "Range");
  return item ? item.getRange().worksheet.load("name") : null;
}

function validationRule(validation: LayoutValidation): Excel.DataValidationRule {
  switch (validation.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: validation.items.join(",") } };
    case "decimal":
      return { decimal: { formula1: validation.min, formula2: validation.max, operator: "Between" } };
    case "whole":
      return { wholeNumber: { formula1: validation.min, formula2: validation.max, operator: "Between" } };
  }
}

/** Where the queued commands find their sheets: `sheets[i]` is the plan's sheet i, set when it is added. */
interface Targets {
  workbook: Excel.Workbook;
  sheets: (Excel.Worksheet | null)[];
  /** Charts an earlier run left, by sheet. */
  charts: (Excel.ChartCollection | null)[];
}

function queueOp(op: WriteOp, targets: Targets): void {
  const { workbook } = targets;
  if (op.kind === "name") {
    if (op.change === "add") workbook.names.add(op.name, op.formula);
    else workbook.names.getItem(op.name).formula = op.formula;
    return;
  }
  if (op.kind === "dropName") {
    workbook.names.getItem(op.name).delete();
    return;
  }
  if (op.kind === "addSheet") {
    const added = workbook.worksheets.add(op.name);
    targets.sheets[op.sheet] = added;
    workbook.names.add(op.marker, added.getRange("A1"));
    return;
  }
  const sheet = targets.sheets[op.sheet];
  if (!sheet) throw new Error(`The plan uses sheet ${op.sheet} before adding it.`);
  switch (op.kind) {
    case "clear": {
      // The whole sheet: its used range may be a null object, whose commands would fail the batch.
      const all = sheet.getRange();
      all.clear("All");
      all.dataValidation.clear();
      break;
    }
    case "dropTable":
      workbook.tables.getItem(op.name).delete();
      break;
    case "tableRows":
      if (op.change === "insert") sheet.getRange(op.address).insert("Down");
      else sheet.getRange(op.address).delete("Up");
      break;
    case "addTable":
      sheet.tables.add(op.range, true).name = op.name;
      break;
    case "values":
      sheet.getRange(op.address).values = op.values;
      break;
    case "formulas":
      sheet.getRange(op.address).formulas = op.formulas;
      break;
    case "fill":
      sheet.getRange(op.destination).copyFrom(sheet.getRange(op.source), "Formulas");
      break;
    case "format": {
      const first = sheet.getRange(op.first);
      if (op.numberFormat !== undefined) first.numberFormat = [[op.numberFormat]];
      if (op.look?.bold) first.format.font.bold = true;
      if (op.look?.italic) first.format.font.italic = true;
      if (op.look?.fontColor) first.format.font.color = op.look.fontColor;
      if (op.look?.fill) first.format.fill.color = op.look.fill;
      if (op.range !== op.first) first.autoFill(op.range, "FillFormats");
      break;
    }
    case "width":
      sheet.getRange(`${op.column}:${op.column}`).format.columnWidth = op.points;
      break;
    case "validation": {
      const range = sheet.getRange(op.validation.range);
      range.dataValidation.clear();
      range.dataValidation.rule = validationRule(op.validation);
      break;
    }
    case "freeze": {
      const panes = sheet.freezePanes;
      panes.unfreeze();
      if (op.rows > 0 && op.columns > 0) panes.freezeAt(rangeAddress(1, 1, op.rows, op.columns));
      else if (op.rows > 0) panes.freezeRows(op.rows);
      else if (op.columns > 0) panes.freezeColumns(op.columns);
      break;
    }
    case "print": {
      const page = sheet.pageLayout;
      page.orientation = op.print.landscape ? "Landscape" : "Portrait";
      if (op.print.fitToOnePageWide) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      const repeat = op.print.repeatRows;
      if (repeat) page.setPrintTitleRows(`$${repeat.first}:$${repeat.last}`);
      break;
    }
    case "dropCharts":
      for (const chart of targets.charts[op.sheet]?.items ?? []) chart.delete();
      break;
    case "chart": {
      const { chart: spec } = op;
      const chart = sheet.charts.add(CHART_TYPES[spec.kind], sheet.getRange(spec.dataRange), SERIES_BY[spec.seriesBy]);
      chart.title.text = spec.title;
      chart.setPosition(spec.anchor);
      break;
    }
  }
}

/** What an earlier run's own sheet held before this write, so a failed write can put it back. */
interface Previous {
  role: SheetRole;
  name: string;
  /** Its used range (A1), null where it was empty. */
  used: string | null;
  tables: { name: string; range: string }[];
  charts: string[];
  /** The hidden sheet holding a copy of its cells while the write runs. */
  backup: string | null;
}

export class OfficeWorkbook implements WorkbookPort {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  /**
   * Every table, and each other sheet's used block, in three round trips: the collections; each table's ranges
   * and each sheet's used range; the used ranges' first rows. The add-in's own sheets are left out, and so is the
   * used block of a sheet holding a table (the table is the candidate there), and the command line's settings sheet.
   */
  listTables(): Promise<TableCandidate[]> {
    return this.run(async (context) => {
      const { sheets, tables, names } = loadInventory(context);
      await context.sync();

      const markers = loadMarkerSheets(names);
      const settingsSheet = loadSettingsSheet(names);
      const tableParts = tables.items.map((table) => ({
        table,
        sheet: table.worksheet.load("name"),
        header: table.getHeaderRowRange().load("values"),
        body: table.getDataBodyRange().load("rowCount"),
        range: table.getRange().load("address"),
      }));
      const used = sheets.items.map((sheet) => ({
        sheet,
        range: sheet.getUsedRangeOrNullObject(true).load("address,rowCount"),
      }));
      await context.sync();

      const own = new Set(markers.map((m) => m.sheet.name));
      if (settingsSheet) own.add(settingsSheet.name);
      const withTables = new Set(tableParts.map((t) => t.sheet.name));
      const blocks = used
        .filter((u) => !u.range.isNullObject && !own.has(u.sheet.name) && !withTables.has(u.sheet.name))
        .map((u) => ({ ...u, header: u.range.getRow(0).load("values") }));
      await context.sync();

      const candidates: TableCandidate[] = tableParts
        .filter((t) => !own.has(t.sheet.name))
        .map((t) => ({
          id: t.table.name,
          kind: "table",
          sheet: t.sheet.name,
          address: localAddress(t.range.address),
          headers: (t.header.values[0] ?? []).map(headerText),
          rowCount: t.body.rowCount,
        }));
      for (const b of blocks) {
        const address = localAddress(b.range.address);
        candidates.push({
          id: qualify(b.sheet.name, address),
          kind: "range",
          sheet: b.sheet.name,
          address,
          headers: (b.header.values[0] ?? []).map(headerText),
          rowCount: b.range.rowCount - 1,
        });
      }
      return candidates;
    });
  }

  /**
   * A table by name, or a block such as "Budget!A1:K20" as it is now (rows or columns the user added since the
   * list was made are read too; see readPlan.ts). One round trip finds the extent; then the cells come in blocks
   * of whole rows, each under 4 MB of response (Excel on the web refuses 5 MB, and gives null `values` past 5
   * million cells). Only `values` are loaded; the error cells are asked of Excel per block, since an error reads
   * as its text ("#N/A") in `values`, the same as the word typed.
   */
  readTable(id: string): Promise<SourceGrid> {
    const reference = parseQualified(id);
    return this.run(async (context) => {
      const workbook = context.workbook;
      const table = reference ? null : workbook.tables.getItem(id);
      const sheet = reference ? workbook.worksheets.getItem(reference.sheet) : table!.worksheet;
      sheet.load("name");
      const extent = reference ? null : table!.getRange().load("address");
      const used = reference ? sheet.getUsedRangeOrNullObject(true).load("address") : null;
      const columns = table?.columns.load("items/name");
      table?.load("showHeaders,showTotals");
      try {
        await context.sync();
      } catch (error) {
        if (!isNotFound(error)) throw error;
        throw new Error(
          reference
            ? `Cannot read ${id}: the workbook has no sheet named "${reference.sheet}".`
            : `Cannot read "${id}": the workbook has no table of that name.`,
        );
      }

      let area: Rect;
      let picked: Rect;
      if (reference) {
        picked = parseRange(reference.address);
        area = readArea(picked, used!.isNullObject ? null : parseRange(localAddress(used!.address)));
      } else {
        picked = parseRange(localAddress(extent!.address));
        // A totals row is no workflow.
        area = table!.showTotals ? { ...picked, bottom: picked.bottom - 1 } : picked;
        picked = area;
      }
      const width = area.right - area.left + 1;
      const rows: GridValue[][] = [];
      let formats: unknown[][] = [];
      let largestRow: number | null = null;
      let next = area.top;
      while (next <= area.bottom) {
        if (reference && blockEnded(rows, picked, area, width)) break;
        const count = Math.min(blockRows(width, largestRow), area.bottom - next + 1);
        const address = rangeAddress(next, area.left, next + count - 1, area.right);
        const block = sheet.getRange(address).load("values");
        const errors = ["Constants", "Formulas"].map((kind) =>
          sheet
            .getRange(address)
            .getSpecialCellsOrNullObject(kind as "Constants", "Errors")
            .load("address"),
        );
        const sample =
          rows.length === 0
            ? sheet
                .getRange(rangeAddress(next, area.left, Math.min(next + FORMAT_SAMPLE_ROWS, area.bottom), area.right))
                .load("numberFormat")
            : null;
        // One block per round trip: each response must stay under the host's limit, so they cannot share one.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        const bad = errorCells(errors.map((e) => (e.isNullObject ? null : e.address)));
        const values = gridValues(block.values, next, area.left, bad);
        for (const row of block.values) largestRow = Math.max(largestRow ?? 0, JSON.stringify(row).length);
        rows.push(...values);
        if (sample) formats = sample.numberFormat;
        next += count;
      }

      let values = rows;
      let firstRow = area.top;
      let last: Rect = area;
      if (reference) {
        const now = currentBlock(rows, picked);
        values = rows.slice(0, now.rows).map((row) => row.slice(0, now.columns));
        last = { top: area.top, left: area.left, bottom: area.top + now.rows - 1, right: area.left + now.columns - 1 };
      }
      if (table && columns && !table.showHeaders) {
        // A table without a header row still has its column names.
        values = [columns.items.map((c) => c.name), ...values];
        firstRow -= 1;
      }
      const headerOffset = table && !table.showHeaders ? 0 : 1;
      return {
        sheet: sheet.name,
        address: rectAddress(last),
        firstRow,
        firstColumn: area.left,
        values,
        columnFormats: columnFormats(values.slice(1), formats.slice(headerOffset), values[0]?.length ?? 0),
      };
    });
  }

  /**
   * Writes the add-in's sheets and nothing else, rewriting an earlier run's sheets in place so that what the user
   * built over them still points at them. Round trips: the inventory; the markers' sheets and the tables' ranges;
   * a copy of the earlier sheets into hidden sheets (where there are any); the write itself (more than one only
   * where the data passes 4 MB); a recalculation, since calculation is suspended while writing. Whatever request
   * fails, the earlier analysis is put back from the copies before the error reaches the user.
   */
  writeAnalysis(layout: AnalysisLayout, onProgress?: ProgressListener): Promise<WrittenSheet[]> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const unchanged = (error: unknown) =>
        new Error(
          `Writing the analysis failed before it began (${messageOf(error)}); the previous analysis is as it was.`,
        );
      const { sheets, tables, names } = loadInventory(context);
      await context.sync().catch((error: unknown) => {
        throw unchanged(error);
      });

      const roles = new Set(layout.sheets.map((s) => s.role));
      const markers = names.items.flatMap((item) => {
        const role = roleOfMarker(item.name);
        if (role === null || item.type !== "Range" || !roles.has(role)) return [];
        const sheet = item.getRange().worksheet;
        sheet.load("name");
        return [
          {
            role,
            sheet,
            charts: sheet.charts.load("items/name"),
            used: sheet.getUsedRangeOrNullObject().load("address"),
          },
        ];
      });
      const otherMarkers = loadMarkerSheets(names).filter((m) => !roles.has(m.role));
      const tableParts = tables.items.map((table) => ({
        name: table.name,
        sheet: table.worksheet.load("name"),
        range: table.getRange().load("address"),
      }));
      await context.sync().catch((error: unknown) => {
        throw unchanged(error);
      });

      const inventory: Inventory = {
        sheets: sheets.items.map((s) => s.name),
        own: [...markers, ...otherMarkers].map((m) => ({ role: m.role, name: m.sheet.name })),
        tables: tableParts.map((t) => ({ name: t.name, sheet: t.sheet.name, range: localAddress(t.range.address) })),
        names: names.items.map((n) => ({
          name: n.name,
          sheet: n.type === "Range" ? sheetOfFormula(n.formula) : null,
          formula: String(n.formula),
        })),
      };
      const plan = planWrite(layout, inventory);
      const total = plan.requests.length + (markers.length > 0 ? 2 : 1);
      let done = 0;
      const report = (stage: string) => onProgress?.({ done: done++, total, stage });

      // The earlier sheets' cells, copied aside before anything changes.
      const taken = [...inventory.sheets, ...plan.sheets.map((s) => s.name)];
      const previous: Previous[] = markers.map((m) => {
        const used = m.used.isNullObject ? null : localAddress(m.used.address);
        const backup = used === null ? null : freeSheetName(`AIBUDGET backup ${m.role}`, taken);
        if (backup) taken.push(backup);
        return {
          role: m.role,
          name: m.sheet.name,
          used,
          tables: inventory.tables
            .filter((t) => t.sheet === m.sheet.name)
            .map((t) => ({ name: t.name, range: t.range! })),
          charts: m.charts.items.map((c) => c.name),
          backup,
        };
      });
      const backups = previous.filter((p) => p.backup !== null);
      if (backups.length > 0) {
        report("Keeping a copy of the previous analysis");
        for (const p of backups) {
          const copy = workbook.worksheets.add(p.backup!);
          copy.visibility = "Hidden";
          copy.getRange(p.used!).copyFrom(workbook.worksheets.getItem(p.name).getRange(p.used!), "All");
        }
        try {
          await context.sync();
        } catch (error) {
          await this.dropSheets(
            context,
            backups.map((p) => p.backup!),
          );
          throw unchanged(error);
        }
      }

      const targets: Targets = {
        workbook,
        sheets: plan.sheets.map((s) => (s.existing ? workbook.worksheets.getItem(s.name) : null)),
        charts: plan.sheets.map((s) => markers.find((m) => m.sheet.name === s.name)?.charts ?? null),
      };
      try {
        for (const [i, request] of plan.requests.entries()) {
          report(`Writing the analysis (${i + 1} of ${plan.requests.length})`);
          workbook.application.suspendApiCalculationUntilNextSync();
          for (const op of request) queueOp(op, targets);
          // Only where the data passes the request limit: each block is one request under it.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
      } catch (error) {
        throw new Error(await this.restore(plan, previous, inventory, error));
      }

      report("Recalculating");
      workbook.application.calculate("Recalculate");
      // The analysis is whole now: the copies can go.
      for (const p of backups) workbook.worksheets.getItem(p.backup!).delete();
      try {
        await context.sync();
      } catch (error) {
        await this.dropSheets(
          context,
          backups.map((p) => p.backup!),
        );
        throw new Error(
          `The analysis was written, but Excel did not recalculate it (${messageOf(error)}): press F9 (Calculate Now) to.`,
        );
      }
      onProgress?.({ done: total, total, stage: "Done" });
      return plan.sheets.map(({ role, name, renamed }) => ({ role, name, renamed }));
    });
  }

  /** Best effort: sheets that may or may not exist go. */
  private async dropSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
    for (const name of names) context.workbook.worksheets.getItemOrNullObject(name).delete();
    await context.sync().catch(() => undefined);
  }

  /**
   * After a failed write, in a context of its own: the sheets this run added go, the earlier sheets get their
   * cells, tables and names back from the copies, and the copies go. Returns what to tell the user.
   */
  private async restore(plan: WritePlan, previous: Previous[], inventory: Inventory, cause: unknown): Promise<string> {
    const failed = `Writing the analysis failed (${messageOf(cause)})`;
    try {
      const chartsLost = await this.run(async (context) => {
        const workbook = context.workbook;
        const tables = workbook.tables.load("items/name");
        const names = workbook.names.load("items/name");
        const charts = previous.map((p) => workbook.worksheets.getItem(p.name).charts.load("items/name"));
        await context.sync();
        const parts = tables.items.map((t) => ({
          name: t.name,
          sheet: t.worksheet.load("name"),
          range: t.getRange().load("address"),
        }));
        await context.sync();

        const sheets: RestoreSheet[] = previous.map((p) => ({
          name: p.name,
          backup: p.backup,
          used: p.used,
          tablesBefore: p.tables,
          tablesNow: parts
            .filter((t) => t.sheet.name === p.name)
            .map((t) => ({ name: t.name, range: localAddress(t.range.address) })),
        }));
        const steps = planRestore(
          plan,
          inventory,
          sheets,
          names.items.map((n) => n.name),
        );
        const targets: Targets = {
          workbook,
          sheets: previous.map((p) => workbook.worksheets.getItem(p.name)),
          charts: previous.map(() => null),
        };
        for (const name of steps.dropSheets) workbook.worksheets.getItemOrNullObject(name).delete();
        for (const name of steps.dropNames) workbook.names.getItemOrNullObject(name).delete();
        for (const { name, formula } of steps.resetNames) workbook.names.getItem(name).formula = formula;
        for (const { name, formula } of steps.addNames) workbook.names.add(name, formula);
        for (const op of steps.tablesBefore) queueOp(op, targets);
        previous.forEach((p, i) => {
          if (p.backup === null || p.used === null) return;
          targets.sheets[i]!.getRange(p.used).copyFrom(workbook.worksheets.getItem(p.backup).getRange(p.used), "All");
        });
        for (const op of steps.tablesAfter) queueOp(op, targets);
        let lost = false;
        previous.forEach((p, i) => {
          for (const chart of charts[i].items) if (!p.charts.includes(chart.name)) chart.delete();
          if (p.charts.some((name) => !charts[i].items.some((c) => c.name === name))) lost = true;
        });
        for (const p of previous) if (p.backup) workbook.worksheets.getItem(p.backup).delete();
        await context.sync();
        return lost;
      });
      if (plan.sheets.every((s) => !s.existing)) {
        return `${failed}. The sheets it had begun were removed; nothing else in the workbook changed.`;
      }
      return (
        `${failed}. The previous analysis was put back as it was` +
        (chartsLost ? ", except its charts, which come back with the next write" : "") +
        "; nothing else in the workbook changed."
      );
    } catch (error) {
      const kept = previous.filter((p) => p.backup !== null).map((p) => p.backup!);
      await this.run(async (context) => {
        for (const name of kept) context.workbook.worksheets.getItemOrNullObject(name).visibility = "Visible";
        await context.sync();
      }).catch(() => undefined);
      return (
        `${failed}, and putting the previous analysis back failed too (${messageOf(error)}). ` +
        (kept.length > 0
          ? `A copy of its cells is in the sheet${kept.length > 1 ? "s" : ""} ${kept.map((k) => `"${k}"`).join(", ")}.`
          : "")
      ).trim();
    }
  }

  /**
   * The current values of the add-in's defined names, in two round trips: the names, then each one-cell name's
   * cell. An error cell is {error}; a name over more than one cell, or over none, is left out.
   */
  readNamedValues(wanted: readonly string[]): Promise<Record<string, GridValue>> {
    return this.run(async (context) => {
      const items = wanted.map((name) => ({
        name,
        item: context.workbook.names.getItemOrNullObject(name).load("type"),
      }));
      await context.sync();
      const cells = items
        .filter(({ item }) => !item.isNullObject && item.type === "Range")
        .map(({ name, item }) => ({ name, range: item.getRange().load("values,valueTypes,rowCount,columnCount") }));
      await context.sync();
      const out: Record<string, GridValue> = {};
      for (const { name, range } of cells) {
        if (range.rowCount !== 1 || range.columnCount !== 1) continue;
        out[name] = gridCell(range.values[0][0], range.valueTypes[0][0] === "Error");
      }
      return out;
    });
  }

  ownSheets(): Promise<{ role: SheetRole; name: string }[]> {
    return this.run(async (context) => {
      const names = context.workbook.names.load("items/name,items/type");
      await context.sync();
      const markers = loadMarkerSheets(names);
      await context.sync();
      return markers.map((m) => ({ role: m.role, name: m.sheet.name }));
    });
  }

  /**
   * The document's own setting; failing that, the very hidden sheet where the playground keeps the same state,
   * so a workbook prepared in the browser opens in Excel with its assumptions.
   */
  loadSettings(): Promise<string | null> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      setting.load("value");
      await context.sync();
      if (!setting.isNullObject) {
        return typeof setting.value === "string" ? setting.value : JSON.stringify(setting.value);
      }
      // The one name, not every name the workbook holds.
      const marker = context.workbook.names.getItemOrNullObject(SETTINGS_MARKER).load("type");
      await context.sync();
      if (marker.isNullObject || marker.type !== "Range") return null;
      const sheet = marker.getRange().worksheet;
      const column = sheet.getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      return column.isNullObject ? null : joinSettings(column.values.map((row) => row[0]));
    });
  }

  saveSettings(json: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, json);
      await context.sync();
    });
  }

  /** A new sheet under a free name, the rows written as text and numbers, and an Excel table over them. */
  insertTable(sheetName: string, tableName: string, rows: (string | number)[][]): Promise<TableCandidate> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const { sheets, tables, names } = loadInventory(context);
      await context.sync();

      const plan = planInsert(
        sheetName,
        rows,
        sheets.items.map((s) => s.name),
      );
      const name = freeTableName(tableName, [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
      const sheet = workbook.worksheets.add(plan.sheet);
      const targets: Targets = { workbook, sheets: [sheet], charts: [null] };
      for (const [i, request] of plan.requests.entries()) {
        if (i > 0) {
          // Only where the rows pass the request limit: each block is one request under it.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
        for (const op of request) queueOp(op, targets);
      }
      sheet.tables.add(plan.address, true).name = name;
      await context.sync();
      return {
        id: name,
        kind: "table",
        sheet: plan.sheet,
        address: plan.address,
        headers: plan.headers,
        rowCount: plan.rowCount,
      };
    });
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(address).select();
      try {
        await context.sync();
      } catch (error) {
        if (!isNotFound(error)) throw error;
        throw new Error(`Cannot select ${address}: the workbook has no sheet named "${sheet}".`);
      }
    });
  }
}
