import type { ColumnMatch, FieldName } from "./reading";

/**
 * The workbook's own currency, from the number formats of the source table's money cells (sheets.md: money is
 * shown in the workbook's currency), and the money format the add-in's sheets use. Host-free: both adapters
 * hand over the formats as Excel writes them.
 */

/** Where the symbol stands: "$1,200" or "1,200 kr". */
export type CurrencyPlacement = "before" | "after";

export interface CurrencyToken {
  symbol: string;
  placement: CurrencyPlacement;
}

/** The source columns that hold money, in the order their format is trusted. */
export const MONEY_FIELDS: readonly FieldName[] = ["hourlyCost", "integrationCost"];

// A quoted literal reads as a currency when it holds a currency sign ("R$", "$") or is a short word such as
// "kr", "zł", "Fr." or an ISO code; longer text ("per hour") is a unit, not a currency.
const CURRENCY_LITERAL = /^(?:.*\p{Sc}.*|\p{L}{1,3}\.?)$/u;

/** The first section of a format (positive numbers), the part that says how money is written. */
function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && !inQuote) i++;
    else if (ch === '"') inQuote = !inQuote;
    else if (ch === ";" && !inQuote) return format.slice(0, i);
  }
  return format;
}

/**
 * The currency a number format carries: a `[$€-407]` locale tag's symbol, a quoted `"$"` or `"kr"`, an escaped
 * `\€`, or a bare currency sign such as `£`; null for a format with none (`#,##0`, `0.0%`, `[$-409]#,##0`).
 */
export function currencyOfFormat(format: string | null | undefined): CurrencyToken | null {
  if (!format) return null;
  const section = firstSection(format);
  let digitsSeen = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const placement: CurrencyPlacement = digitsSeen ? "after" : "before";
    if (ch === "[") {
      const end = section.indexOf("]", i);
      if (end < 0) return null;
      const tag = section.slice(i + 1, end);
      i = end;
      if (!tag.startsWith("$")) continue; // colours, conditions
      const symbol = tag.slice(1).split("-")[0].trim();
      if (symbol !== "") return { symbol, placement };
      continue;
    }
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const literal = section.slice(i + 1, end < 0 ? undefined : end).trim();
      i = end < 0 ? section.length : end;
      if (literal !== "" && CURRENCY_LITERAL.test(literal)) return { symbol: literal, placement };
      continue;
    }
    if (ch === "\\") {
      const next = section[i + 1] ?? "";
      i++;
      if (/\p{Sc}/u.test(next)) return { symbol: next, placement };
      continue;
    }
    if (ch === "_" || ch === "*") {
      i++; // the next character is spacing or fill, not content
      continue;
    }
    if (/[0#?]/.test(ch)) digitsSeen = true;
    else if (/\p{Sc}/u.test(ch)) return { symbol: ch, placement };
  }
  return null;
}

/**
 * The currency of the source's money columns: the first of Hourly cost and Integration cost (in that order)
 * whose format carries one; null where none does or the adapter gave no formats.
 */
export function currencyTokenOfColumns(
  columns: readonly ColumnMatch[],
  columnFormats: readonly (string | null)[] | undefined,
): CurrencyToken | null {
  if (!columnFormats) return null;
  for (const field of MONEY_FIELDS) {
    const column = columns.find((c) => c.field === field);
    if (!column) continue;
    const token = currencyOfFormat(columnFormats[column.index]);
    if (token) return token;
  }
  return null;
}

export function currencyOfColumns(
  columns: readonly ColumnMatch[],
  columnFormats: readonly (string | null)[] | undefined,
): string | null {
  return currencyTokenOfColumns(columns, columnFormats)?.symbol ?? null;
}

/** Signs go before the amount ("$1,200"), words after ("1,200 kr"), where the source does not say. */
export function defaultPlacement(symbol: string): CurrencyPlacement {
  return /\p{Sc}/u.test(symbol) ? "before" : "after";
}

/**
 * The money format of the add-in's sheets: no decimals, negatives in parentheses, the currency where known.
 * `"$"#,##0_);("$"#,##0)`; `#,##0 "kr"_);(#,##0 "kr")`; `#,##0_);(#,##0)` without one.
 */
export function moneyNumberFormat(
  currency: string | null,
  placement: CurrencyPlacement = currency === null ? "before" : defaultPlacement(currency),
): string {
  const symbol = (currency ?? "").replace(/"/g, "").trim();
  const amount = symbol === "" ? "#,##0" : placement === "before" ? `"${symbol}"#,##0` : `#,##0 "${symbol}"`;
  return `${amount}_);(${amount})`;
}
