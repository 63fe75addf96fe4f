import { cellAddress, columnLetter } from "../../a1";
import type { LayoutCell, SheetLayout } from "../../layout";
import { PartDeflater, type DeflatedPart } from "../package/partDeflater";
import type { PartData } from "../package/zipWrite";
import { parseBlock } from "../sheetAddress";
import type { Namespaces } from "./namespaces";
import type { StyleBook } from "./styleBook";
import { encoded, XmlBytes } from "./xmlBytes";
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

/** The markup around every cell, encoded once. */
const OPEN_CELL = encoded('<c r="');
const OPEN_ROW = encoded('<row r="');
const END_ROW = encoded("</row>");
const QUOTE = encoded('"');
const GT = encoded(">");
const SELF_CLOSE = encoded("/>");
const END_CELL = encoded("</c>");
const V = encoded("<v>");
const END_V = encoded("</v>");
const END_V_CELL = encoded("</v></c>");
const BOOLEAN = encoded(' t="b">');
const FORMULA_TEXT = encoded(' t="str">');
const INLINE = encoded(' t="inlineStr"><is><t>');
const INLINE_PRESERVED = encoded(' t="inlineStr"><is><t xml:space="preserve">');
const END_INLINE = encoded("</t></is></c>");

/** A cached value: shortest round-trip text, as Excel writes it; integers without making a string. */
function writeNumber(out: XmlBytes, value: number): void {
  if (Number.isSafeInteger(value) && value >= 0) out.digits(value);
  else out.text(String(value));
}

/** Whether a cell would be written as nothing at all: no formula, no style and no value to show. */
function writesNothing(cell: LayoutCell, style: Uint8Array | null, formula: Uint8Array | string | undefined): boolean {
  if (cell.formula !== undefined || formula !== undefined || style !== null) return false;
  const value = cell.value;
  return value === null || value === "" || (typeof value === "number" && !Number.isFinite(value));
}

/**
 * One cell: `<f>` is its own formula, the first cell of a fill's column (a shared formula over the column's rows:
 * the form Excel itself writes for filled formulas, so 100,000 rows hold one copy of the text), or a later cell of
 * it (bytes written once per fill). A formula carries its cached value.
 */
function writeCell(
  out: XmlBytes,
  letter: Uint8Array,
  row: number,
  cell: LayoutCell,
  style: Uint8Array | null,
  shared: Uint8Array | string | undefined,
): void {
  out.bytes(OPEN_CELL);
  out.bytes(letter);
  out.digits(row);
  out.bytes(QUOTE);
  if (style) out.bytes(style);
  const value = cell.value;
  const formula =
    shared ?? (cell.formula === undefined ? undefined : `<f>${escapeXml(cell.formula.replace(/^=/, ""))}</f>`);
  if (formula !== undefined) {
    if (typeof value === "boolean") out.bytes(BOOLEAN);
    else if (typeof value === "number") out.bytes(GT);
    else out.bytes(FORMULA_TEXT);
    if (typeof formula === "string") out.text(formula);
    else out.bytes(formula);
    if (typeof value === "number") {
      if (Number.isFinite(value)) {
        out.bytes(V);
        writeNumber(out, value);
        out.bytes(END_V);
      }
    } else {
      out.bytes(V);
      if (typeof value === "boolean") out.digits(value ? 1 : 0);
      else if (value !== null) out.text(spreadsheetText(value));
      out.bytes(END_V);
    }
    out.bytes(END_CELL);
    return;
  }
  if (typeof value === "boolean") {
    out.bytes(BOOLEAN);
    out.bytes(V);
    out.digits(value ? 1 : 0);
    out.bytes(END_V_CELL);
  } else if (typeof value === "number" && Number.isFinite(value)) {
    out.bytes(GT);
    out.bytes(V);
    writeNumber(out, value);
    out.bytes(END_V_CELL);
  } else if (typeof value === "string" && value !== "") {
    out.bytes(/^\s|\s$/.test(value) ? INLINE_PRESERVED : INLINE);
    out.text(spreadsheetText(value));
    out.bytes(END_INLINE);
  } else {
    out.bytes(SELF_CLOSE);
  }
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

/** A fill's later cells, `<f t="shared" si="N"/>`, encoded once per fill. */
function laterCells(shared: ReadonlyMap<number, SharedColumn[]>): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  for (const list of shared.values()) for (const s of list) out.set(s.si, encoded(`<f t="shared" si="${s.si}"/>`));
  return out;
}

function sharedFormula(
  shared: SharedColumn[] | undefined,
  later: ReadonlyMap<number, Uint8Array>,
  row: number,
  cell: LayoutCell,
  letter: string,
): Uint8Array | string | undefined {
  if (shared === undefined) return undefined;
  const column = shared.find((s) => row >= s.first && row <= s.last);
  if (!column) return undefined;
  if (row > column.first) return cell.formula === undefined ? later.get(column.si) : undefined;
  const formula = escapeXml(cell.formula!.replace(/^=/, ""));
  return `<f t="shared" ref="${letter}${column.first}:${letter}${column.last}" si="${column.si}">${formula}</f>`;
}

/**
 * The `s="N"` of each cell, looked up once per run of equal looks down a column: a column of 100,000 filled
 * cells shares one.
 */
class ColumnStyles {
  private readonly last: {
    style: LayoutCell["style"];
    numberFormat: string | undefined;
    bold: boolean;
    s: Uint8Array | null;
  }[] = [];
  private readonly attributes = new Map<number, Uint8Array>();

  constructor(private readonly styles: StyleBook) {}

  of(column: number, cell: LayoutCell): Uint8Array | null {
    const bold = cell.bold === true;
    const last = this.last[column];
    if (last && last.style === cell.style && last.numberFormat === cell.numberFormat && last.bold === bold)
      return last.s;
    const index = this.styles.xf(cell.style, cell.numberFormat, bold);
    let s: Uint8Array | null = null;
    if (index) {
      s = this.attributes.get(index) ?? encoded(` s="${index}"`);
      this.attributes.set(index, s);
    }
    this.last[column] = { style: cell.style, numberFormat: cell.numberFormat, bold, s };
    return s;
  }
}

/** Sheets with more rows are compressed while they are written; smaller ones when the package is saved. */
const COMPRESSED_AS_WRITTEN = 2000;

export async function worksheetXml(
  layout: Pick<SheetLayout, "rows" | "columnWidths" | "freeze" | "print" | "validations" | "fills">,
  ns: Namespaces,
  styles: StyleBook,
  relations: SheetRelations,
): Promise<PartData | DeflatedPart> {
  if (layout.rows.length > MAX_ROWS || layout.rows.some((r) => r.length > MAX_COLUMNS)) {
    throw new RangeError(`A sheet holds at most ${MAX_ROWS.toLocaleString("en-US")} rows and ${MAX_COLUMNS} columns`);
  }
  const deflater =
    layout.rows.length > COMPRESSED_AS_WRITTEN && PartDeflater.available() ? new PartDeflater() : undefined;
  const out = new XmlBytes(deflater);
  out.text(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${ns.main}" xmlns:r="${ns.relationships}">`,
  );
  if (layout.print?.fitToOnePageWide) out.text(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.text(`<dimension ref="${dimension(layout.rows)}"/>`);
  out.text(
    `<sheetViews><sheetView workbookViewId="0">${layout.freeze ? paneXml(layout.freeze) : ""}</sheetView></sheetViews>`,
  );
  out.text(`<sheetFormatPr defaultRowHeight="15"/>`);
  const widths = layout.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>` : ""))
    .join("");
  if (widths) out.text(`<cols>${widths}</cols>`);
  out.text("<sheetData>");
  const letters: string[] = [];
  const letterBytes: Uint8Array[] = [];
  const shared = sharedColumns(layout);
  const later = laterCells(shared);
  const cellStyles = new ColumnStyles(styles);
  for (let r = 0; r < layout.rows.length; r++) {
    if (deflater && r % 32 === 0) await deflater.settle();
    const row = layout.rows[r];
    let open = false;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      if (letters[c] === undefined) {
        letters[c] = columnLetter(c + 1);
        letterBytes[c] = encoded(letters[c]);
      }
      const f = sharedFormula(shared.get(c), later, r + 1, cell, letters[c]);
      const s = cellStyles.of(c, cell);
      if (writesNothing(cell, s, f)) continue;
      if (!open) {
        out.bytes(OPEN_ROW);
        out.digits(r + 1);
        out.bytes(QUOTE);
        out.bytes(GT);
        open = true;
      }
      writeCell(out, letterBytes[c], r + 1, cell, s, f);
    }
    if (open) out.bytes(END_ROW);
  }
  out.text("</sheetData>");
  out.text(validationsXml(layout));
  out.text(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (layout.print) {
    const fit = layout.print.fitToOnePageWide ? ` fitToWidth="1" fitToHeight="0"` : "";
    out.text(`<pageSetup orientation="${layout.print.landscape ? "landscape" : "portrait"}"${fit}/>`);
  }
  if (relations.drawing) out.text(`<drawing r:id="${relations.drawing}"/>`);
  if (relations.tables.length > 0) {
    out.text(
      `<tableParts count="${relations.tables.length}">` +
        relations.tables.map((id) => `<tablePart r:id="${id}"/>`).join("") +
        `</tableParts>`,
    );
  }
  out.text("</worksheet>");
  const chunks = out.chunks();
  return deflater ? await deflater.finish() : chunks;
}

/** A1 range check for the layout's tables and charts: a message that names the sheet, never a crash later. */
export function blockOf(range: string, what: string) {
  const block = parseBlock(range.replace(/\$/g, ""));
  if (!block) throw new RangeError(`${what} has a range that is not an A1 range: "${range}"`);
  return block;
}
