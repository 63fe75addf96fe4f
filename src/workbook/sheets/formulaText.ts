/**
 * The text that the spreadsheet functions the Reason formula uses give, made in TypeScript from the model's
 * figures, so a cached Reason equals what LibreOffice and Excel recalculate (measured: formulas.md, and
 * test/live/). These mirror the written formulas; they never evaluate them.
 */

/** Rounds half away from zero, as TEXT does on the double it is given. */
function roundHalfAway(x: number): number {
  const a = Math.abs(x);
  const whole = Math.floor(a);
  const rounded = a - whole >= 0.5 ? whole + 1 : whole;
  return x < 0 ? -rounded : rounded;
}

/** A whole number with en-US thousands separators; one that rounds to 0 reads "0" (LibreOffice's TEXT). */
function grouped(n: number): string {
  const whole = Math.abs(n);
  // Intl's formatter costs microseconds a call, which 100,000 rows of Reasons feel; plain digits are exact below 1e21.
  const digits =
    Number.isInteger(whole) && whole < 1e21
      ? String(whole).replace(/\B(?=(\d{3})+$)/g, ",")
      : whole.toLocaleString("en-US", { maximumFractionDigits: 0, useGrouping: true });
  return n < 0 ? `-${digits}` : digits;
}

/** TEXT(x, "0 %"): the ratio as a whole percentage, rounded to the nearest, no thousands separator. */
export function textPercent(x: number): string {
  const n = roundHalfAway(x * 100);
  return `${n < 0 ? "-" : ""}${Math.abs(n)} %`;
}

/**
 * TEXT(ROUNDDOWN(x*100, 0)/100, "0 %"): a percentage rounded towards zero, so a ROI below the hurdle never
 * reads as the hurdle. ROUNDDOWN first rounds its argument to 15 significant digits (LibreOffice; formulas.md).
 */
export function textPercentDown(x: number): string {
  const hundred = x * 100;
  const fifteen = hundred === 0 ? 0 : Number(hundred.toPrecision(15));
  const n = Math.trunc(fifteen);
  return `${n < 0 ? "-" : ""}${Math.abs(n)} %`;
}

/** TEXT(x, "#,##0"): a whole amount with thousands separators, rounded half away from zero. */
export function textAmount(x: number): string {
  return grouped(roundHalfAway(x));
}
