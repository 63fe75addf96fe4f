import type { AnalysisLayout, LayoutCell, SheetLayout } from "./layout";

/**
 * The names an adapter actually gave the add-in's sheets, tables and defined names, keyed by the names the
 * layout wanted. Only the ones that differ need to be listed.
 */
export interface NameBindings {
  sheets?: Record<string, string>;
  tables?: Record<string, string>;
  names?: Record<string, string>;
}

function lowerKeys(map: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(map ?? {}).map(([wanted, actual]) => [wanted.toLowerCase(), actual]));
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const IDENTIFIER = /[A-Za-z_\\][A-Za-z0-9_.]*/y;

/**
 * A formula with its references rebound: 'Wanted sheet'!A1 to the sheet's actual name, Wanted[Column] to the
 * table's, and a defined name to its actual one. Text inside string literals is never touched, so a Reason that
 * quotes a workflow named like a sheet stays as written.
 */
export function bindFormula(formula: string, bindings: NameBindings): string {
  const sheets = lowerKeys(bindings.sheets);
  const tables = lowerKeys(bindings.tables);
  const names = lowerKeys(bindings.names);
  if (sheets.size + tables.size + names.size === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
        else if (formula[j] === '"') break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      const actual = formula[j + 1] === "!" ? sheets.get(name.toLowerCase()) : undefined;
      out += actual === undefined ? formula.slice(i, j + 1) : quoteSheet(actual);
      i = j + 1;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const match =
      /[A-Za-z_\\]/.test(ch) && (i === 0 || !/[A-Za-z0-9_.$]/.test(formula[i - 1])) ? IDENTIFIER.exec(formula) : null;
    if (match) {
      const word = match[0];
      const next = formula[i + word.length];
      const key = word.toLowerCase();
      let actual: string | undefined;
      if (next === "!") actual = sheets.has(key) ? quoteSheet(sheets.get(key)!) : undefined;
      else if (next === "[") actual = tables.get(key);
      else if (next !== "(") actual = names.get(key);
      out += actual ?? word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function bindCell(cell: LayoutCell | null, bindings: NameBindings): LayoutCell | null {
  if (cell === null || cell.formula === undefined) return cell;
  const formula = bindFormula(cell.formula, bindings);
  return formula === cell.formula ? cell : { ...cell, formula };
}

function bindSheet(sheet: SheetLayout, bindings: NameBindings): SheetLayout {
  const sheets = lowerKeys(bindings.sheets);
  const tables = lowerKeys(bindings.tables);
  const names = lowerKeys(bindings.names);
  return {
    ...sheet,
    name: sheets.get(sheet.name.toLowerCase()) ?? sheet.name,
    rows: sheet.rows.map((row) => row.map((cell) => bindCell(cell, bindings))),
    tables: sheet.tables.map((t) => ({ ...t, name: tables.get(t.name.toLowerCase()) ?? t.name })),
    names: sheet.names?.map((n) => ({ ...n, name: names.get(n.name.toLowerCase()) ?? n.name })),
  };
}

/** The layout as it will be written under the names the adapter could take (sheets.md: free names). */
export function bindLayout(layout: AnalysisLayout, bindings: NameBindings): AnalysisLayout {
  return { sheets: layout.sheets.map((s) => bindSheet(s, bindings)) };
}
