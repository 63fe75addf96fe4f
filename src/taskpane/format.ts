/**
 * How the pane shows figures: whole money with thousands separators (the sheets' currency format shows no
 * decimals either), ratios as percentages. Display only; the model and the sheets keep the unrounded numbers.
 */

export function money(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function percentOf(ratio: number | null): string {
  return ratio === null
    ? "–"
    : `${(ratio * 100).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %`;
}

export function decimal(value: number | null, digits: number): string {
  return value === null
    ? "–"
    : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function months(value: number | null): string {
  return value === null ? "never" : decimal(value, 1);
}
