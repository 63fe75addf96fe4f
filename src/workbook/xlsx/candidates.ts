import type { Table, Workbook, Worksheet } from "exceljs";
import type { GridValue } from "../layout";
import type { SourceGrid, TableCandidate } from "../port";
import { gridText, gridValue } from "./cellValue";
import { type Block, blockAddress, parseBlock, qualifiedRange } from "./sheetAddress";

/** An Excel table as ExcelJS keeps it, loaded or just added: what the reader needs of it. */
export interface TableModel {
  name: string;
  sheet: Worksheet;
  /** Header (where there is one), body and totals row. */
  block: Block;
  headerRow: boolean;
  totalsRow: boolean;
  columnNames: string[];
}

interface ExcelJsTableInternals {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

function tablesOf(sheet: Worksheet): TableModel[] {
  // ExcelJS's getTables() loses loaded tables; its `tables` map holds both loaded and added ones.
  const map = (sheet as unknown as { tables?: Record<string, Table> }).tables ?? {};
  const models: TableModel[] = [];
  for (const table of Object.values(map)) {
    const t = (table as unknown as { table: ExcelJsTableInternals }).table;
    const block = parseBlock(t.tableRef ?? t.ref ?? "");
    if (!block) continue;
    models.push({
      name: t.name,
      sheet,
      block,
      headerRow: t.headerRow !== false,
      totalsRow: t.totalsRow === true,
      columnNames: t.columns.map((c) => c.name),
    });
  }
  return models;
}

export function allTables(workbook: Workbook): TableModel[] {
  return workbook.worksheets.flatMap(tablesOf);
}

function readBlock(sheet: Worksheet, block: Block): GridValue[][] {
  const rows: GridValue[][] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    const row = sheet.getRow(r);
    const values: GridValue[] = [];
    for (let c = block.left; c <= block.right; c++) values.push(cellGridValue(sheet, r, c, row));
    rows.push(values);
  }
  return rows;
}

function cellGridValue(sheet: Worksheet, r: number, c: number, row = sheet.getRow(r)): GridValue {
  const cell = row.findCell(c);
  if (!cell) return null;
  // The other cells of a merged area echo the first one's value; only the first one holds it.
  if (cell.isMerged && cell.master !== cell) return null;
  return gridValue(cell.value);
}

/** The body of a table: the header row is its column names, a totals row is no workflow. */
export function tableGrid(table: TableModel): SourceGrid {
  const { block, sheet } = table;
  const body: Block = {
    ...block,
    top: table.headerRow ? block.top + 1 : block.top,
    bottom: table.totalsRow ? block.bottom - 1 : block.bottom,
  };
  const header: GridValue[] = table.headerRow
    ? readBlock(sheet, { ...block, bottom: block.top })[0]
    : [...table.columnNames];
  const values = [header, ...(body.bottom >= body.top ? readBlock(sheet, body) : [])];
  const firstRow = table.headerRow ? block.top : block.top - 1;
  const shown: Block = { ...block, bottom: Math.max(body.bottom, block.top) };
  return { sheet: sheet.name, address: blockAddress(shown), firstRow, firstColumn: block.left, values };
}

export function rangeGrid(sheet: Worksheet, block: Block): SourceGrid {
  return {
    sheet: sheet.name,
    address: blockAddress(block),
    firstRow: block.top,
    firstColumn: block.left,
    values: readBlock(sheet, block),
  };
}

function isEmpty(value: GridValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

function inside(block: Block, r: number, c: number): boolean {
  return r >= block.top && r <= block.bottom && c >= block.left && c <= block.right;
}

/** Non-empty columns of each used row, skipping cells that belong to an Excel table (listed on their own). */
function usedCells(sheet: Worksheet, tables: Block[]): Map<number, number[]> {
  const used = new Map<number, number[]>();
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const columns: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (tables.some((t) => inside(t, r, c))) return;
      if (!isEmpty(cellGridValue(sheet, r, c, row))) columns.push(c);
    });
    if (columns.length > 0) used.set(r, columns);
  });
  return used;
}

/** How far down a band the header is looked for; the rows below are body rows. */
const HEADER_SEARCH_ROWS = 50;

/** Runs of adjacent used columns: blocks side by side with an empty column between them are separate. */
function columnBands(used: Map<number, number[]>): [number, number][] {
  const columns = [...new Set([...used.values()].flat())].sort((a, b) => a - b);
  const bands: [number, number][] = [];
  for (const c of columns) {
    const last = bands[bands.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else bands.push([c, c]);
  }
  return bands;
}

/**
 * The sheet's cells outside its Excel tables as blocks: one per band of adjacent used columns, from its header to
 * its last used row. The header is the band's first row filled at least half as much as its fullest row near the
 * top (and with two cells at least), so a title or a "Prepared by / date" line above it is not taken for it; a
 * band with no such row holds no workflow table, which has several columns. Blank rows do not split a block: a
 * workflow table with a gap must not lose the rows below the gap.
 */
export function sheetBlocks(sheet: Worksheet, tables: Block[]): Block[] {
  const used = usedCells(sheet, tables);
  const rows = [...used.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (const [lo, hi] of columnBands(used)) {
    const inBand = (r: number) => (used.get(r) ?? []).filter((c) => c >= lo && c <= hi);
    const bandRows = rows.filter((r) => inBand(r).length > 0);
    const fullest = Math.max(0, ...bandRows.slice(0, HEADER_SEARCH_ROWS).map((r) => inBand(r).length));
    const header = bandRows.find((r) => inBand(r).length >= Math.max(2, Math.ceil(fullest / 2)));
    if (header === undefined) continue;
    let left = Infinity;
    let right = 0;
    for (const r of bandRows) {
      if (r < header) continue;
      for (const c of inBand(r)) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    blocks.push({ top: header, bottom: bandRows[bandRows.length - 1], left, right });
  }
  return blocks;
}

export function listCandidates(workbook: Workbook, hiddenSheets: ReadonlySet<string>): TableCandidate[] {
  const candidates: TableCandidate[] = [];
  for (const sheet of workbook.worksheets) {
    if (hiddenSheets.has(sheet.name)) continue;
    const tables = tablesOf(sheet);
    for (const table of tables) {
      const grid = tableGrid(table);
      candidates.push({
        id: table.name,
        kind: "table",
        sheet: sheet.name,
        address: grid.address,
        headers: grid.values[0].map(gridText),
        rowCount: grid.values.length - 1,
      });
    }
    for (const block of sheetBlocks(
      sheet,
      tables.map((t) => t.block),
    )) {
      const header = readBlock(sheet, { ...block, bottom: block.top })[0];
      candidates.push({
        id: qualifiedRange(sheet.name, block),
        kind: "range",
        sheet: sheet.name,
        address: blockAddress(block),
        headers: header.map(gridText),
        rowCount: block.bottom - block.top,
      });
    }
  }
  return candidates;
}
