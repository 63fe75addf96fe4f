import { blockAddress, type Block } from "./blocks";

/** Sheet names that need no quotes in a reference: plain words that cannot be read as a cell or R1C1 address. */
function needsQuotes(sheet: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet)) return true;
  return /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^[Rr]\d*([Cc]\d*)?$/.test(sheet) || /^[Cc]\d*$/.test(sheet);
}

/** "Budget!B3:I10", or "'Q1 Budget'!B3:I10" where the name needs quotes: a range candidate's id. */
export function qualifiedRange(sheet: string, block: Block): string {
  const name = needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${blockAddress(block)}`;
}

/**
 * Splits "Sheet!A1:B2", "'My sheet'!A1:B2" (doubled quotes inside) or a bare "A1:B2" into the sheet name (null
 * when none is given) and the address after the "!".
 */
export function splitReference(reference: string): { sheet: string | null; address: string } {
  const text = reference.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2].trim() };
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: text };
  return { sheet: text.slice(0, bang), address: text.slice(bang + 1).trim() };
}
