import type { LayoutCell } from "../../layout";
import type { Block } from "../sheetAddress";
import { blockAddress } from "../sheetAddress";
import type { Namespaces } from "./namespaces";
import { spreadsheetText, escapeXml } from "./xmlText";

/**
 * An Excel table part over cells of one of the add-in's sheets: header row, autoFilter, one tableColumn per
 * column named exactly as its header cell, and a table style. Excel wants every column named, and named once,
 * so the header cells are given the names the table uses (`tableHeaders`) before the sheet is written.
 */

function cellText(cell: LayoutCell | null | undefined): string {
  const v = cell?.value;
  return v === null || v === undefined ? "" : String(v);
}

/** The table's column names: its header cells' text, made non-empty and unique (case-insensitively). */
export function tableHeaders(rows: readonly (LayoutCell | null)[][], block: Block): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = block.left; c <= block.right; c++) {
    const header = cellText(rows[block.top - 1]?.[c - 1])
      .replace(/[\r\n]+/g, " ")
      .trim();
    const base = header || `Column${c - block.left + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export function tableXml(
  ns: Namespaces,
  table: { id: number; name: string; block: Block; columns: readonly string[] },
): string {
  const ref = blockAddress(table.block);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${ns.main}" id="${table.id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ` +
    `ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.columns.length}">` +
    table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${spreadsheetText(name)}"/>`).join("") +
    `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" ` +
    `showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
