/**
 * How the pane shows figures, in one style everywhere: money whole, with thousands separators, in the workbook's
 * currency where it has one, negatives in parentheses (as finance writes them and as the sheets' money format
 * shows them); ratios as percentages with one decimal and a space before the sign ("351.6 %"). Display only:
 * the model and the sheets keep the unrounded numbers.
 */

/** The currency's symbol or code as the workbook writes it ("$", "€", "CHF"); null: none known, no sign. */
export type CurrencySign = string | null;

// One formatter per number of decimals: toLocaleString builds a new one on every call, which 5,000 rows feel.
const FORMATS = new Map<number, Intl.NumberFormat>();

function grouped(value: number, digits = 0): string {
  let format = FORMATS.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
    FORMATS.set(digits, format);
  }
  return format.format(value);
}

/** "$" sits against the number, a code ("CHF") takes a space. */
function withSign(text: string, currency: CurrencySign): string {
  if (!currency) return text;
  return /^[A-Za-z]{2,}$/.test(currency) ? `${currency} ${text}` : `${currency}${text}`;
}

export function money(value: number, currency: CurrencySign = null): string {
  const rounded = Math.round(value);
  // -0.4 rounds to -0: it reads as 0, not as "(0)".
  if (rounded === 0) return withSign("0", currency);
  const text = withSign(grouped(Math.abs(rounded)), currency);
  return rounded < 0 ? `(${text})` : text;
}

/** Small money, such as a seat price: its cents matter. */
export function price(value: number, currency: CurrencySign = null): string {
  const text = withSign(grouped(Math.abs(value), Number.isInteger(value) ? 0 : 2), currency);
  return value < 0 ? `(${text})` : text;
}

export function percentOf(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "–";
  const text = `${grouped(Math.abs(ratio * 100), 1)} %`;
  return ratio < 0 && text !== "0.0 %" ? `(${text})` : text;
}

/** A whole percentage, for a share in a sentence ("87 %"). */
export function wholePercent(ratio: number): string {
  return `${grouped(Math.round(ratio * 100))} %`;
}

export function decimal(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? "–" : grouped(value, digits);
}

export function months(value: number | null): string {
  return value === null ? "never" : decimal(value, 1);
}

/** A whole count with its noun: "1 workflow", "4 workflows". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(n)} ${n === 1 ? singular : plural}`;
}

/**
 * What an assumption field shows for a number: thousands separators for the large ones (10,000), the number as
 * typed for the small ones, so a share reads 0.15 and not 0.
 */
export function draftNumber(value: number): string {
  if (Math.abs(value) >= 1000) {
    return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
  }
  return String(value);
}
