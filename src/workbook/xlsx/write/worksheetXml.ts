import { cellAddress, columnLetter } from "../../a1";
import type { LayoutCell, SheetLayout } from "../../layout";
import { parseBlock } from "../sheetAddress";
import type { Namespaces } from "./namespaces";
import type { StyleBook } from "./styleBook";
import { escapeXml, spreadsheetText } from "./xmlText";

/**
 * The worksheet part of one of the add-in's sheets, written by hand in the schema's element order (sheetPr,
 * dimension, sheetViews, sheetFormatPr, cols, sheetData, dataValidations, pageMargins, pageSetup, drawing,
 * tableParts). Text is written inline (`t="inlineStr"`), so the shared strings are never touched; a formula
 * carries its cached value, so a viewer that does not recalculate still shows the figure.
 */

export interface SheetRelations {
  drawing?: string;
  tables: string[];
}

/** Excel's own limits: a value cell past them would make the whole file unreadable. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function textXml(text: string): string {
  const body = spreadsheetText(text);
  return /^\s|\s$/.test(text) ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

function numberText(value: number): string | null {
  return Number.isFinite(value) ? String(value) : null;
}

/**
 * A cell's <f>: its own formula, the first cell of a fill's column (a shared formula over the column's rows: the
 * form Excel itself writes for filled formulas, so 100,000 rows hold one copy of the text), or a later cell of it.
 */
type FormulaXml = string | undefined;

function cellXml(ref: string, cell: LayoutCell, s: number, shared: FormulaXml): string {
  const style = s ? ` s="${s}"` : "";
  const value = cell.value;
  if (cell.formula !== undefined || shared !== undefined) {
    const f = shared ?? `<f>${escapeXml(cell.formula!.replace(/^=/, ""))}</f>`;
    if (typeof value === "number") {
      const n = numberText(value);
      return n === null ? `<c r="${ref}"${style}>${f}</c>` : `<c r="${ref}"${style}>${f}<v>${n}</v></c>`;
    }
    if (typeof value === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${style} t="str">${f}<v>${value === null ? "" : spreadsheetText(value)}</v></c>`;
  }
  if (typeof value === "number") {
    const n = numberText(value);
    return n === null ? (s ? `<c r="${ref}"${style}/>` : "") : `<c r="${ref}"${style}><v>${n}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === null || value === "") return s ? `<c r="${ref}"${style}/>` : "";
  return `<c r="${ref}"${style} t="inlineStr"><is>${textXml(value)}</is></c>`;
}

function paneXml(freeze: { rows: number; columns: number }): string {
  const { rows, columns } = freeze;
  if (rows <= 0 && columns <= 0) return "";
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const topLeft = cellAddress(rows + 1, columns + 1);
  return (
    `<pane${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" ` +
    `activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

function listFormula(items: readonly string[]): string {
  return `"${items.map((i) => i.replace(/"/g, '""')).join(",")}"`;
}

function validationsXml(layout: Pick<SheetLayout, "validations">): string {
  const validations = layout.validations ?? [];
  if (validations.length === 0) return "";
  const items = validations.map((v) => {
    const sqref = escapeXml(v.range.replace(/\$/g, ""));
    if (v.kind === "list") {
      return (
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}">` +
        `<formula1>${escapeXml(listFormula(v.items))}</formula1></dataValidation>`
      );
    }
    return (
      `<dataValidation type="${v.kind}" operator="between" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
      `sqref="${sqref}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`
    );
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/** The sheet's used range, for <dimension>. */
function dimension(rows: readonly (LayoutCell | null)[][]): string {
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null) {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    }),
  );
  return lastRow === 0 ? "A1" : lastRow === 1 && lastColumn === 1 ? "A1" : `A1:${cellAddress(lastRow, lastColumn)}`;
}

/** Per column (0-based) of each fill: the shared formula's index, its first row and its last (1-based). */
interface SharedColumn {
  si: number;
  first: number;
  last: number;
}

function sharedColumns(layout: Pick<SheetLayout, "rows" | "fills">): Map<number, SharedColumn[]> {
  const byColumn = new Map<number, SharedColumn[]>();
  let si = 0;
  for (const fill of layout.fills ?? []) {
    if (fill.lastRow <= fill.firstRow) continue;
    for (let c = fill.firstColumn - 1; c < fill.lastColumn; c++) {
      if (layout.rows[fill.firstRow - 1]?.[c]?.formula === undefined) continue;
      const list = byColumn.get(c) ?? [];
      list.push({ si: si++, first: fill.firstRow, last: fill.lastRow });
      byColumn.set(c, list);
    }
  }
  return byColumn;
}

function sharedFormulaXml(
  shared: SharedColumn[] | undefined,
  row: number,
  cell: LayoutCell,
  letter: string,
): FormulaXml {
  const column = shared?.find((s) => row >= s.first && row <= s.last);
  if (!column) return undefined;
  if (row > column.first) return cell.formula === undefined ? `<f t="shared" si="${column.si}"/>` : undefined;
  const formula = escapeXml(cell.formula!.replace(/^=/, ""));
  return `<f t="shared" ref="${letter}${column.first}:${letter}${column.last}" si="${column.si}">${formula}</f>`;
}

/** Text to UTF-8 in pieces: one sheet of 100,000 rows is more text than one JavaScript string may hold. */
class PartBytes {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.encoder.encode(this.pending.join("")));
    this.pending = [];
    this.pendingLength = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

export function worksheetXml(
  layout: Pick<SheetLayout, "rows" | "columnWidths" | "freeze" | "print" | "validations" | "fills">,
  ns: Namespaces,
  styles: StyleBook,
  relations: SheetRelations,
): Uint8Array {
  if (layout.rows.length > MAX_ROWS || layout.rows.some((r) => r.length > MAX_COLUMNS)) {
    throw new RangeError(`A sheet holds at most ${MAX_ROWS.toLocaleString("en-US")} rows and ${MAX_COLUMNS} columns`);
  }
  const parts = new PartBytes();
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${ns.main}" xmlns:r="${ns.relationships}">`,
  );
  if (layout.print?.fitToOnePageWide) parts.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  parts.push(`<dimension ref="${dimension(layout.rows)}"/>`);
  parts.push(
    `<sheetViews><sheetView workbookViewId="0">${layout.freeze ? paneXml(layout.freeze) : ""}</sheetView></sheetViews>`,
  );
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const widths = layout.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>` : ""))
    .join("");
  if (widths) parts.push(`<cols>${widths}</cols>`);
  parts.push("<sheetData>");
  const letters: string[] = [];
  const shared = sharedColumns(layout);
  layout.rows.forEach((row, r) => {
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      letters[c] ??= columnLetter(c + 1);
      const f = sharedFormulaXml(shared.get(c), r + 1, cell, letters[c]);
      cells += cellXml(`${letters[c]}${r + 1}`, cell, styles.xf(cell.style, cell.numberFormat, cell.bold === true), f);
    }
    if (cells) parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push("</sheetData>");
  parts.push(validationsXml(layout));
  parts.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (layout.print) {
    const fit = layout.print.fitToOnePageWide ? ` fitToWidth="1" fitToHeight="0"` : "";
    parts.push(`<pageSetup orientation="${layout.print.landscape ? "landscape" : "portrait"}"${fit}/>`);
  }
  if (relations.drawing) parts.push(`<drawing r:id="${relations.drawing}"/>`);
  if (relations.tables.length > 0) {
    parts.push(
      `<tableParts count="${relations.tables.length}">` +
        relations.tables.map((id) => `<tablePart r:id="${id}"/>`).join("") +
        `</tableParts>`,
    );
  }
  parts.push("</worksheet>");
  return parts.bytes();
}

/** A1 range check for the layout's tables and charts: a message that names the sheet, never a crash later. */
export function blockOf(range: string, what: string) {
  const block = parseBlock(range.replace(/\$/g, ""));
  if (!block) throw new RangeError(`${what} has a range that is not an A1 range: "${range}"`);
  return block;
}
