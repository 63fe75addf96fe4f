import { columnLetter } from "../a1";
import { moveFormulaDown } from "../fills";
import type { LayoutCell, LayoutFill } from "../layout";

/**
 * Where a formula repeats down a column the way Excel would copy it (the same formula, its relative references one
 * row further each row), the adapter writes the first row's formula and has Excel copy it down with
 * `Range.copyFrom` (ExcelApi 1.9): one short command instead of a string per cell, so a 100,000-row column of
 * formulas costs a few hundred bytes of request rather than megabytes.
 */

/** A block of formulas Excel fills from its first row: rows `first`+1 … `last` copy row `first`, columns `left` … `right`. */
export interface FillRun {
  /** 1-based rows. */
  first: number;
  last: number;
  /** 1-based columns. */
  left: number;
  right: number;
}

export function fillAddresses(run: FillRun): { source: string; destination: string } {
  const l = columnLetter(run.left);
  const r = columnLetter(run.right);
  return {
    source: `${l}${run.first}:${r}${run.first}`,
    destination: `${l}${run.first + 1}:${r}${run.last}`,
  };
}

/** The shortest run worth a copy: below it the formulas go in as they are. */
export const MIN_FILL_ROWS = 3;

/**
 * The fill runs of a sheet: in each column, the longest stretches of rows whose formula is the first one's moved
 * down; then side-by-side columns with the same stretch are joined into one block. A cell covered by a run (all but
 * its first row) is then not written as a string.
 */
export function findFillRuns(rows: (LayoutCell | null)[][], minRows = MIN_FILL_ROWS): FillRun[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columnRuns: FillRun[] = [];
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < rows.length; r++) {
      const formula = rows[r][c]?.formula;
      if (formula === undefined) continue;
      let end = r;
      while (end + 1 < rows.length && rows[end + 1][c]?.formula === moveFormulaDown(formula, end + 1 - r)) end++;
      if (end - r + 1 >= minRows) {
        columnRuns.push({ first: r + 1, last: end + 1, left: c + 1, right: c + 1 });
        r = end;
      }
    }
  }
  columnRuns.sort((a, b) => a.first - b.first || a.last - b.last || a.left - b.left);
  const joined: FillRun[] = [];
  for (const run of columnRuns) {
    const previous = joined.at(-1);
    if (previous && previous.first === run.first && previous.last === run.last && previous.right + 1 === run.left) {
      previous.right = run.right;
    } else joined.push({ ...run });
  }
  return joined;
}

/** The layout's own fills (layout.ts) as runs: already known, so never searched for. */
export function layoutRuns(fills: readonly LayoutFill[] | undefined): FillRun[] {
  return (fills ?? [])
    .filter((f) => f.lastRow > f.firstRow)
    .map((f) => ({ first: f.firstRow, last: f.lastRow, left: f.firstColumn, right: f.lastColumn }));
}

/** Whether a cell (1-based) is filled by a run rather than written. */
export function coveredBy(runs: readonly FillRun[]): (row: number, column: number) => boolean {
  const byColumn = new Map<number, FillRun[]>();
  for (const run of runs) {
    for (let c = run.left; c <= run.right; c++) byColumn.set(c, [...(byColumn.get(c) ?? []), run]);
  }
  return (row, column) => (byColumn.get(column) ?? []).some((run) => row > run.first && row <= run.last);
}
