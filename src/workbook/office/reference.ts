/**
 * Sheet-qualified references as the wizard passes them to `readTable` and as Office.js returns them in
 * `Range.address` ("Budget!A1:K20", "'Q1 Budget'!A1:K20"). Host-free, so it is tested without Excel.
 */

/** Sheet names that can go unquoted: plain words that cannot be read as a cell or an R1C1 reference. */
function needsQuotes(sheet: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet)) return true;
  return /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^[Rr]\d*([Cc]\d*)?$/.test(sheet) || /^[Cc]\d*$/.test(sheet);
}

export function quoteSheet(sheet: string): string {
  return needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/** "Budget!A1:K20" from its parts. */
export function qualify(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

const A1_RANGE = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * Splits "Sheet!A1:K20" or "'My sheet'!A1:K20" (doubled quotes inside) into its sheet and A1 range; null where
 * the text is not such a reference (it is then a table name).
 */
export function parseQualified(reference: string): { sheet: string; address: string } | null {
  const text = reference.trim();
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  const bang = text.lastIndexOf("!");
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : bang > 0 ? text.slice(0, bang) : null;
  const address = quoted ? quoted[2].trim() : text.slice(bang + 1).trim();
  if (sheet === null || !A1_RANGE.test(address)) return null;
  return { sheet, address: address.replace(/\$/g, "").toUpperCase() };
}

/** The A1 part of an address Office.js returns with its sheet ("'My sheet'!B3:I10" → "B3:I10"). */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/**
 * The sheet a defined name's formula points at ("='AI Assumptions'!$C$4" → "AI Assumptions"); null where it is
 * not one sheet's cells (a constant, "=#REF!", a formula).
 */
export function sheetOfFormula(formula: unknown): string | null {
  if (typeof formula !== "string") return null;
  const reference = parseQualified(formula.replace(/^=/, ""));
  return reference ? reference.sheet : null;
}
