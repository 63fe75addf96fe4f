import type { Reader } from "./arguments";
import { errorFor, InputProblem, valueError } from "./excelErrors";

/**
 * Ranges in, arrays out (functions.md): every argument is declared to Excel as a matrix, so the function lifts
 * itself. A 1x1 range is a single value; every larger range must have the same rows and columns, and the answer
 * spills with that shape. A row is never broadcast against a column.
 */

/** A reader for each argument, in order; `values` in `compute` holds what they read, in the same order. */
export type Readers<V extends unknown[]> = { readonly [K in keyof V]: Reader<V[K]> };

type Grid = readonly (readonly unknown[])[];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function shapeText(grid: Grid): string {
  return `${plural(grid.length, "row")} by ${plural(grid[0].length, "column")}`;
}

/** The argument as a grid of cells, or null where it is a single value (a 1x1 range included). */
function gridOf(name: string, value: unknown): Grid | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) throw valueError(`${name} is an empty range`);
  const columns = Array.isArray(value[0]) ? value[0].length : -1;
  if (columns < 0) throw valueError(`${name} must be a value or a range; got a list that is not a range`);
  if (columns === 0) throw valueError(`${name} is an empty range`);
  // Indexed, not for-of: ranges can come from another realm, where the array iterator's fast path does not apply.
  for (let r = 1; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== columns) throw valueError(`${name} is not a rectangular range`);
  }
  return value.length === 1 && columns === 1 ? null : value;
}

function singleValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0][0] : value;
}

/**
 * The answers, one per position. A bad single-value argument spoils every position, so it is one #VALUE! for the
 * whole formula; a bad cell inside a range is an error at its own position only, and the others still answer.
 */
export function lift<V extends unknown[]>(
  readers: Readers<V>,
  args: readonly unknown[],
  compute: (values: V) => unknown,
): unknown[][] {
  const count = readers.length;
  const values = new Array(count) as V;
  const grids: (Grid | null)[] = new Array(count);
  const varying: number[] = [];
  for (let i = 0; i < count; i++) {
    const reader: Reader<unknown> = readers[i];
    const grid = gridOf(reader.name, args[i]);
    grids[i] = grid;
    if (grid === null) {
      const value = reader.read(singleValue(args[i]));
      if (value instanceof InputProblem) throw errorFor(value);
      values[i] = value;
    } else {
      const first = varying.length > 0 ? grids[varying[0]]! : null;
      if (first !== null && (first.length !== grid.length || first[0].length !== grid[0].length)) {
        const other: Reader<unknown> = readers[varying[0]];
        throw valueError(
          `${other.name} is ${shapeText(first)} but ${reader.name} is ${shapeText(grid)}: ranges given ` +
            "together must have the same rows and columns (a row is not matched against a column)",
        );
      }
      varying.push(i);
    }
  }
  if (varying.length === 0) return [[compute(values)]];

  const shape = grids[varying[0]]!;
  const rows = shape.length;
  const columns = shape[0].length;
  const result: unknown[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      let answer: unknown = undefined;
      let k = 0;
      for (; k < varying.length; k++) {
        const i = varying[k];
        const value = (readers[i] as Reader<unknown>).read(grids[i]![r][c]);
        if (value instanceof InputProblem) {
          answer = errorFor(value);
          break;
        }
        values[i] = value;
      }
      row[c] = k === varying.length ? compute(values) : answer;
    }
    result[r] = row;
  }
  return result;
}
