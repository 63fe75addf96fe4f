import type { LayoutCell, LayoutFill, SheetLayout } from "./layout";

/**
 * Formulas filled down a column (layout.ts, LayoutFill): moving a formula the way Excel's Fill Down and copying
 * move it, and finding the formula a filled cell stands for. The adapters and the tests use these; the layout
 * builders write each fill's first row only.
 */

const REFERENCE = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/;

function moveReference(ref: string, rows: number): string | null {
  let broken = false;
  const moved = ref.replace(
    /(\$?)([A-Za-z]{1,3})(\$?)(\d+)/g,
    (_, colAbs: string, letters: string, rowAbs: string, row) => {
      const r = rowAbs ? Number(row) : Number(row) + rows;
      if (r < 1) broken = true;
      return `${colAbs}${letters}${rowAbs}${r}`;
    },
  );
  return broken ? null : moved;
}

/**
 * The formula as Excel writes it `rows` rows further down: relative row numbers of A1 references move, "$" rows,
 * quoted text, quoted sheet names, function and defined names and structured references ([@NPV]) stay. Null where
 * a reference would leave the sheet.
 */
export function moveFormulaDown(formula: string, rows: number): string | null {
  if (rows === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const rest = formula.slice(i);
    const before = i === 0 ? "" : formula[i - 1];
    const ref = /[A-Za-z0-9_.]/.test(before) ? null : REFERENCE.exec(rest);
    // "LOG10(" is a function and "A1B" a name, not references.
    if (ref && !/^[A-Za-z0-9_(]/.test(rest.slice(ref[0].length))) {
      const moved = moveReference(ref[0], rows);
      if (moved === null) return null;
      out += moved;
      i += ref[0].length;
      continue;
    }
    // A row range (3:3, $3:5) moves too: Excel fills whole rows as it fills cells.
    const rowRange = /[A-Za-z0-9_.]/.test(before) ? null : /^(\$?)(\d+):(\$?)(\d+)/.exec(rest);
    if (rowRange) {
      const [, absTop, top, absBottom, bottom] = rowRange;
      const movedTop = absTop ? Number(top) : Number(top) + rows;
      const movedBottom = absBottom ? Number(bottom) : Number(bottom) + rows;
      if (movedTop < 1 || movedBottom < 1) return null;
      out += `${absTop}${movedTop}:${absBottom}${movedBottom}`;
      i += rowRange[0].length;
      continue;
    }
    const word = /[A-Za-z0-9_.$]/.test(before) ? null : /^[A-Za-z_\\][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The fill whose rows below the first cover the cell (1-based), if any. */
export function fillCovering(
  fills: readonly LayoutFill[] | undefined,
  row: number,
  column: number,
): LayoutFill | undefined {
  return fills?.find((f) => row > f.firstRow && row <= f.lastRow && column >= f.firstColumn && column <= f.lastColumn);
}

/** A cell's formula (1-based), its own or the one its fill gives it; undefined where it has none. */
export function filledFormula(
  sheet: Pick<SheetLayout, "rows" | "fills">,
  row: number,
  column: number,
): string | undefined {
  const own = sheet.rows[row - 1]?.[column - 1]?.formula;
  if (own !== undefined) return own;
  const fill = fillCovering(sheet.fills, row, column);
  if (!fill) return undefined;
  const first = sheet.rows[fill.firstRow - 1]?.[column - 1]?.formula;
  return first === undefined ? undefined : (moveFormulaDown(first, row - fill.firstRow) ?? undefined);
}

/** The sheet with every filled cell holding its formula, as a layout without fills: for small sheets and tests. */
export function expandFills<S extends Pick<SheetLayout, "rows" | "fills">>(sheet: S): S {
  if (!sheet.fills?.length) return sheet;
  const rows = sheet.rows.map((row, r) =>
    row.map((cell, c): LayoutCell | null => {
      if (cell === null || cell.formula !== undefined) return cell;
      const formula = filledFormula(sheet, r + 1, c + 1);
      return formula === undefined ? cell : { ...cell, formula };
    }),
  );
  return { ...sheet, rows, fills: undefined };
}
