import { columnNumber, parseCellAddress } from "../../src/workbook/a1";
import { editZip, zipEntry } from "../support/workbooks";

/**
 * A user's edit of a few cells, made in the saved file's sheet XML and nothing else, as Excel would leave the
 * rest of the package. (Loading and saving through ExcelJS rewrites tables and names, which is not what a user's
 * typing does, so a re-run test through it would test ExcelJS.)
 */

export type CellEdit = { sheet: string; address: string; value: string | number };

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The part holding a sheet, from xl/workbook.xml and its relationships. */
export function sheetPart(bytes: Uint8Array, sheet: string): string {
  const workbook = zipEntry(bytes, "xl/workbook.xml");
  const rels = zipEntry(bytes, "xl/_rels/workbook.xml.rels");
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1])?.[1];
    const id = /\br:id="([^"]*)"/.exec(match[1])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(match[1])?.[1];
    if (name === undefined || id === undefined) continue;
    if (name.replace(/&amp;/g, "&").replace(/&apos;/g, "'") !== sheet) continue;
    const rel = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].find((r) => r[1].includes(`Id="${id}"`));
    const target = rel && /\bTarget="([^"]*)"/.exec(rel[1])?.[1];
    if (!target) break;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  throw new Error(`No sheet "${sheet}" in the package`);
}

/** The cell a workbook-level defined name points at, e.g. { sheet: "AI Assumptions", address: "C4" }. */
export function namedCellAddress(bytes: Uint8Array, name: string): { sheet: string; address: string } {
  const workbook = zipEntry(bytes, "xl/workbook.xml");
  const match = new RegExp(`<(?:\\w+:)?definedName\\b[^>]*\\bname="${name}"[^>]*>([^<]*)<`, "i").exec(workbook);
  if (!match) throw new Error(`No defined name ${name}`);
  const ref = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(match[1].replace(/&apos;/g, "'"));
  if (!ref) throw new Error(`${name} points at ${match[1]}, not one cell`);
  return { sheet: ref[1].replace(/''/g, "'"), address: `${ref[2]}${ref[3]}` };
}

function cellXml(address: string, style: string, value: string | number): string {
  return typeof value === "number"
    ? `<c r="${address}"${style}><v>${value}</v></c>`
    : `<c r="${address}"${style} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

function setCell(xml: string, address: string, value: string | number): string {
  const at = parseCellAddress(address);
  if (!at) throw new Error(`Not a cell: ${address}`);
  const existing = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (existing) {
    const style = /\ss="\d+"/.exec(existing[1])?.[0] ?? "";
    return (
      xml.slice(0, existing.index) + cellXml(address, style, value) + xml.slice(existing.index + existing[0].length)
    );
  }
  const row = new RegExp(`<row r="${at.row}"[^>]*?(?:/>|>[\\s\\S]*?</row>)`).exec(xml);
  if (!row) throw new Error(`Row ${at.row} is not in the sheet; this helper edits rows the add-in wrote`);
  const open = row[0].endsWith("/>") ? row[0].slice(0, -2) + ">" : row[0].slice(0, row[0].indexOf(">") + 1);
  const cells = row[0].endsWith("/>") ? "" : row[0].slice(open.length, -"</row>".length);
  // Cells in column order, as the schema wants.
  const parts = [...cells.matchAll(/<c r="([A-Z]+)\d+"[\s\S]*?(?:\/>|<\/c>)/g)];
  const after = parts.find((p) => (columnNumber(p[1]) ?? 0) > at.column);
  const insertAt = after ? after.index! : cells.length;
  const newCells = cells.slice(0, insertAt) + cellXml(address, "", value) + cells.slice(insertAt);
  return xml.slice(0, row.index) + open + newCells + "</row>" + xml.slice(row.index + row[0].length);
}

/** The package with each cell set to its value: a number, or text as an inline string. */
export function editCells(bytes: Uint8Array, edits: readonly CellEdit[]): Uint8Array {
  const byPart = new Map<string, CellEdit[]>();
  for (const edit of edits) {
    const part = sheetPart(bytes, edit.sheet);
    byPart.set(part, [...(byPart.get(part) ?? []), edit]);
  }
  return editZip(bytes, (name, text) => {
    const mine = byPart.get(name);
    return mine ? mine.reduce((xml, edit) => setCell(xml, edit.address, edit.value), text) : text;
  });
}
