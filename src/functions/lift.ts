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
 * The positions of one call's answer, walked in order by the function itself:
 *
 *     const spill = new Spill(READERS, args);
 *     while (spill.next()) spill.answer(compute(spill.values));
 *     return spill.result;
 *
 * The function's own loop calls the model, so each function's call site sees one formula (one the engine can
 * inline) rather than one call site shared by the three. A bad single-value argument spoils every position, so it
 * is one #VALUE! for the whole formula, thrown here; a bad cell inside a range is an error at its own position only:
 * `next` writes it there and moves on, and the other positions still answer.
 */
export class Spill<V extends unknown[]> {
  /** What the readers read for the current position, in the order of the readers. */
  readonly values: V;
  /** The answer grid, filled as the positions are answered. */
  readonly result: unknown[][];
  private readonly readers: Readers<V>;
  private readonly grids: (Grid | null)[];
  private readonly varying: number[] = [];
  private readonly rows: number;
  private readonly columns: number;
  private row: unknown[] = [];
  private r = 0;
  private c = -1;

  constructor(readers: Readers<V>, args: readonly unknown[]) {
    const count = readers.length;
    this.readers = readers;
    this.values = new Array(count) as V;
    this.grids = new Array(count);
    for (let i = 0; i < count; i++) {
      const reader: Reader<unknown> = readers[i];
      const grid = gridOf(reader.name, args[i]);
      this.grids[i] = grid;
      if (grid === null) {
        const value = reader.read(singleValue(args[i]));
        if (value instanceof InputProblem) throw errorFor(value);
        this.values[i] = value;
      } else {
        this.checkShape(i, grid);
        this.varying.push(i);
      }
    }
    const shape = this.varying.length > 0 ? this.grids[this.varying[0]]! : [[null]];
    this.rows = shape.length;
    this.columns = shape[0].length;
    this.result = new Array(this.rows);
  }

  private checkShape(i: number, grid: Grid): void {
    if (this.varying.length === 0) return;
    const first = this.grids[this.varying[0]]!;
    if (first.length === grid.length && first[0].length === grid[0].length) return;
    const names = [this.readers[this.varying[0]], this.readers[i]].map((reader: Reader<unknown>) => reader.name);
    throw valueError(
      `${names[0]} is ${shapeText(first)} but ${names[1]} is ${shapeText(grid)}: ranges given together must ` +
        "have the same rows and columns (a row is not matched against a column)",
    );
  }

  /** Moves to the next position whose cells all read; false once every position has its answer. */
  next(): boolean {
    for (;;) {
      if (++this.c === this.columns) {
        this.c = 0;
        this.r++;
      }
      if (this.r >= this.rows) return false;
      if (this.c === 0) this.result[this.r] = this.row = new Array(this.columns);
      const problem = this.read();
      if (problem === null) return true;
      this.row[this.c] = errorFor(problem);
    }
  }

  /** The answer at the current position. */
  answer(value: unknown): void {
    this.row[this.c] = value;
  }

  private read(): InputProblem | null {
    const { varying, grids, readers, values, r, c } = this;
    for (let k = 0; k < varying.length; k++) {
      const i = varying[k];
      const value = (readers[i] as Reader<unknown>).read(grids[i]![r][c]);
      if (value instanceof InputProblem) return value;
      values[i] = value;
    }
    return null;
  }
}
