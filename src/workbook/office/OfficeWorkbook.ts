/// <reference types="office-js" />
import type { AnalysisLayout, LayoutChart, SheetRole } from "../layout";
import { roleOfMarker, SETTINGS_MARKER } from "../marker";
import { joinSettings } from "../settingsColumn";
import type { SourceGrid, TableCandidate, WorkbookPort, WrittenSheet } from "../port";
import { gridValues, headerText, type ValueType } from "./gridRead";
import { localAddress, parseQualified, qualify } from "./reference";
import { freeTableName, planInsert, planWrite, type Inventory, type WriteOp } from "./writePlan";

/**
 * The workbook port over Office.js. Kept thin on purpose: every decision (names, which sheets are ours, how the
 * writes are cut into requests) is made by host-free modules; this file only loads, queues and syncs, in a fixed
 * number of round trips however large the workbook, since each `context.sync()` is a round trip to Excel.
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

function isNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "ItemNotFound";
}

/** Round one: every sheet, table and defined name, in one batch of loads. */
function loadInventory(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name,items/type");
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

function queueOp(op: WriteOp, sheets: Excel.Worksheet[]): void {
  const sheet = sheets[op.sheet];
  switch (op.kind) {
    case "cells":
      // Formula cells get their formula, value cells their value: never a formula cell's cached value.
      sheet.getRange(op.address).formulas = op.formulas;
      break;
    case "format": {
      const first = sheet.getRange(op.first);
      first.numberFormat = [[op.format]];
      if (op.range !== op.first) first.autoFill(op.range, "FillFormats");
      break;
    }
    case "bold":
      sheet.getRange(op.address).format.font.bold = true;
      break;
    case "width":
      sheet.getRange(`${op.column}:${op.column}`).format.columnWidth = op.points;
      break;
    case "table":
      sheet.tables.add(op.range, true).name = op.name;
      break;
    case "chart": {
      const chart = sheet.charts.add(CHART_TYPES[op.chart.kind], sheet.getRange(op.chart.dataRange), "Auto");
      chart.title.text = op.chart.title;
      chart.setPosition(op.chart.anchor);
      break;
    }
  }
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
   * A table by name, or a block such as "Budget!A1:K20", in one round trip. Values and value types are loaded
   * together: Office.js gives an error cell as its text, so only its type tells "#N/A" the error from the word.
   */
  readTable(id: string): Promise<SourceGrid> {
    const reference = parseQualified(id);
    return this.run(async (context) => {
      const workbook = context.workbook;
      const table = reference ? null : workbook.tables.getItem(id);
      const range = reference
        ? workbook.worksheets.getItem(reference.sheet).getRange(reference.address)
        : table!.getRange();
      range.load("address,rowIndex,columnIndex,values,valueTypes");
      const sheet = range.worksheet.load("name");
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

      let values = gridValues(range.values, range.valueTypes as ValueType[][]);
      let firstRow = range.rowIndex + 1;
      if (table && columns) {
        // A totals row is no workflow; a table without a header row still has its column names.
        if (table.showTotals) values = values.slice(0, -1);
        if (!table.showHeaders) {
          values = [columns.items.map((c) => c.name), ...values];
          firstRow -= 1;
        }
      }
      return {
        sheet: sheet.name,
        address: localAddress(range.address),
        firstRow,
        firstColumn: range.columnIndex + 1,
        values,
      };
    });
  }

  /**
   * Replaces the add-in's own sheets and nothing else. Round trips: the inventory; the marker names' sheets and
   * the tables' sheets; the write itself (more than one only where the data passes the request limit); and a
   * recalculation, since calculation is suspended while writing.
   */
  writeAnalysis(layout: AnalysisLayout): Promise<WrittenSheet[]> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const { sheets, tables, names } = loadInventory(context);
      await context.sync();

      const markers = loadMarkerSheets(names);
      const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
      await context.sync();

      const inventory: Inventory = {
        sheets: sheets.items.map((s) => s.name),
        own: markers.map((m) => ({ role: m.role, name: m.sheet.name })),
        tables: tables.items.map((t, i) => ({ name: t.name, sheet: tableSheets[i].name })),
        names: names.items.map((n) => n.name),
      };
      const plan = planWrite(layout, inventory);

      workbook.application.suspendApiCalculationUntilNextSync();
      for (const item of names.items) if (plan.staleMarkers.includes(item.name)) item.delete();
      // The old sheets step aside before the new ones take their names, and go once those exist, so the
      // workbook is never left without a sheet.
      const old = plan.retire.map((r) => {
        const sheet = workbook.worksheets.getItem(r.name);
        sheet.name = r.temporary;
        return sheet;
      });
      const added = plan.sheets.map((s) => workbook.worksheets.add(s.name));
      for (const sheet of old) sheet.delete();
      plan.sheets.forEach((s, i) => workbook.names.add(s.marker, added[i].getRange("A1")));

      for (const [i, request] of plan.requests.entries()) {
        if (i > 0) {
          // Only where the data passes the request limit: each block is one request under it.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          workbook.application.suspendApiCalculationUntilNextSync();
        }
        for (const op of request) queueOp(op, added);
      }
      await context.sync();

      workbook.application.calculate("Recalculate");
      await context.sync();
      return plan.sheets.map(({ role, name, renamed }) => ({ role, name, renamed }));
    });
  }

  ownSheets(): Promise<{ role: SheetRole; name: string }[]> {
    return this.run(async (context) => {
      const { names } = loadInventory(context);
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
      // A workbook holds few names; "items" loads each one's scalar properties, name and type among them.
      const names = context.workbook.names.load("items");
      await context.sync();
      const sheet = loadSettingsSheet(names);
      if (sheet === null) return null;
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
      for (const [i, request] of plan.requests.entries()) {
        if (i > 0) {
          // Only where the rows pass the request limit: each block is one request under it.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
        for (const op of request) queueOp(op, [sheet]);
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
