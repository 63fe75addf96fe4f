import { moneyNumberFormat } from "../currency";
import type { CellStyle, LayoutCell, LayoutValue } from "../layout";

/**
 * Number formats and cell styles of the written sheets. Money has no decimals and shows negatives in
 * parentheses, in the workbook's own currency where the analysis found one (currency.ts); MONEY is the format
 * without a currency.
 */
export const MONEY = moneyNumberFormat(null);
/** Seat prices and hourly rates are small: their cents matter. */
export const PRICE = "#,##0.00_);(#,##0.00)";
export const PERCENT = "0.0%";
export const PAYBACK = "0.0";
export const COST_PER_UNIT = "0.0000";
export const FACTOR = "0.00";
export const MINUTES = "0.00";
export const COUNT = "#,##0";
export const MONTHS = "0.0";

/** The money format for the analysis' currency. */
export function moneyFormat(currency: string | null): string {
  return moneyNumberFormat(currency);
}

/** As moneyFormat, with cents: seat prices and hourly rates. */
export function priceFormat(currency: string | null): string {
  return moneyNumberFormat(currency).replace(/#,##0/g, "#,##0.00");
}

function styled(value: LayoutValue, style: CellStyle | undefined, numberFormat?: string, formula?: string): LayoutCell {
  const c: LayoutCell = { value };
  if (formula !== undefined) c.formula = formula;
  if (numberFormat !== undefined) c.numberFormat = numberFormat;
  if (style !== undefined) c.style = style;
  // The first version's adapters know only `bold`: labels, headers and totals stay bold there too.
  if (style === "label" || style === "header" || style === "total" || style === "title") c.bold = true;
  return c;
}

/** A plain value cell. */
export function cell(value: LayoutValue, numberFormat?: string): LayoutCell {
  return styled(value, undefined, numberFormat);
}

/** An input: a value the user may type over, in the input style (light fill, blue text). */
export function input(value: LayoutValue, numberFormat?: string): LayoutCell {
  return styled(value, "input", numberFormat);
}

/** A bold label: section titles, row labels. */
export function label(text: string): LayoutCell {
  return styled(text, "label");
}

export function header(text: string): LayoutCell {
  return styled(text, "header");
}

export function title(text: string): LayoutCell {
  return styled(text, "title");
}

export function note(text: string): LayoutCell {
  return styled(text, "note");
}

/** A formula cell with the value the model computed for it, so a host that does not recalculate still shows it. */
export function formulaCell(formula: string, value: LayoutValue, numberFormat?: string): LayoutCell {
  return styled(value, "formula", numberFormat, formula);
}

/** A cell of a fill's later rows (layout.ts, LayoutFill): the fill gives its formula; it holds the model's value. */
export function filledCell(value: LayoutValue, numberFormat?: string): LayoutCell {
  return styled(value, "formula", numberFormat);
}

/** A formula in the totals row. */
export function totalCell(formula: string, value: LayoutValue, numberFormat?: string): LayoutCell {
  return styled(value, "total", numberFormat, formula);
}

/** A formula that shows a warning where there is one, "" elsewhere. */
export function warningCell(formula: string, value: LayoutValue): LayoutCell {
  return styled(value, "warning", undefined, formula);
}

/** What a formula guarded with IF(…,"",…) shows where the model has no figure: an empty text, never an error. */
export const NO_FIGURE = "";

/** A model figure that may be missing, as a cached formula value. */
export function orEmpty(value: number | null | undefined): LayoutValue {
  return value === null || value === undefined ? NO_FIGURE : value;
}
