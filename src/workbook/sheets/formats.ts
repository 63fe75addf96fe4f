import type { LayoutCell, LayoutValue } from "../layout";

/**
 * Number formats of the written sheets. The workbook's currency is unknown (the model never converts money), so
 * money is a plain thousands format without decimals and no currency sign: the figures read in the workbook's
 * own currency, and the user can apply a currency style without losing anything.
 */
export const MONEY = "#,##0;-#,##0";
/** Seat prices are small: their cents matter. */
export const PRICE = "#,##0.00";
export const PERCENT = "0.0%";
export const PAYBACK = "0.0";
export const COST_PER_UNIT = "0.0000";
export const FACTOR = "0.00";

/** A value cell. */
export function cell(value: LayoutValue, numberFormat?: string): LayoutCell {
  return numberFormat === undefined ? { value } : { value, numberFormat };
}

/** A bold label: headers, section titles, totals. */
export function label(text: string): LayoutCell {
  return { value: text, bold: true };
}

/** A formula cell with the value it computes, so a host that does not recalculate still shows it. */
export function formulaCell(formula: string, value: LayoutValue, numberFormat?: string): LayoutCell {
  return numberFormat === undefined ? { value, formula } : { value, formula, numberFormat };
}

/** What a formula guarded with IF(…,"",…) shows where the model has no figure: an empty text, never an error. */
export const NO_FIGURE = "";
