import type { Reader } from "./arguments";
import { errorFor, type InputProblem, valueError } from "./excelErrors";

/**
 * Ranges in, arrays out (functions.md): every argument is declared to Excel as a matrix, so the function lifts
 * itself. A 1x1 range is a single value; every larger range must have the same rows and columns, and the answer
 * spills with that shape. A row is never broadcast against a column.
 */

type Grid = readonly (readonly unknown[])[];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function shapeText(grid: Grid): string {
  return `${plural(grid.length, "row")} by ${plural(grid[0].length, "column")}`;
}

/** The argument as a grid of cells, or null where it is a single value (a 1x1 range included). */
function gridOf(reader: Reader, value: unknown): Grid | null {
  if (!Array.isArray(value)) return null;
  const name = reader.name;
  if (value.length === 0) throw valueError(`${name} is an empty range`);
  const columns = Array.isArray(value[0]) ? value[0].length : -1;
  if (columns < 0) throw valueError(`${name} must be a value or a range; got a list that is not a range`);
  if (columns === 0) throw valueError(`${name} is an empty range`);
  // Every row's length is checked as the range is read (Reader.readRange), not here: walking a 100,000-row range
  // twice costs as much as reading it.
  if (value.length === 1 && columns === 1) return null;
  if (reader.single) throw valueError(`${name} must be one value, not a range`);
  return value;
}

function singleValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0][0] : value;
}

/**
 * One call's arguments, each read once into numbers, and the answer grid they spill into:
 *
 *     const spill = new Spill(READERS, args);
 *     const [tasks, minutes] = spill.values;
 *     for (let i = 0; i < spill.size; i++) if (!spill.fails(i)) spill.number(i, compute(tasks[i], minutes[i]));
 *     return spill.result;
 *
 * Positions count row by row. Each argument is a Float64Array of one number per position (a single value repeated),
 * so the function's own loop reads numbers only and calls the model from one call site of its own.
 *
 * Errors (functions.md): a cell that does not read is an error at its own position only, and the other positions
 * still answer. A bad single value is bad at every position; where no earlier argument erred anywhere, that is one
 * error for the whole formula, thrown here. Where several arguments err at a position, the first in argument order
 * speaks: arguments are read in order and a position keeps the first error it gets.
 */
export class Spill {
  readonly rows: number;
  readonly columns: number;
  readonly size: number;
  /** What each argument read, one number per position, in the order of the readers. */
  readonly values: Float64Array[];
  /** The answer grid; erring positions already hold their errors. Whole once every position has its answer. */
  readonly result: unknown[][];
  /** 1 where a position already has its (error) answer; null while none has. */
  private failed: Uint8Array | null = null;
  private failures = 0;

  constructor(readers: readonly Reader[], args: readonly unknown[]) {
    const count = readers.length;
    const grids: (Grid | null)[] = new Array(count);
    let shape: Grid | null = null;
    let shapeOwner = 0;
    for (let k = 0; k < count; k++) {
      const grid = gridOf(readers[k], args[k]);
      grids[k] = grid;
      if (grid === null) continue;
      if (shape === null) {
        shape = grid;
        shapeOwner = k;
      } else if (shape.length !== grid.length || shape[0].length !== grid[0].length) {
        throw valueError(
          `${readers[shapeOwner].name} is ${shapeText(shape)} but ${readers[k].name} is ${shapeText(grid)}: ranges ` +
            "given together must have the same rows and columns (a row is not matched against a column)",
        );
      }
    }
    this.rows = shape === null ? 1 : shape.length;
    this.columns = shape === null ? 1 : shape[0].length;
    this.size = this.rows * this.columns;
    this.result = new Array(this.rows);
    // The usual one-column spill gets each row as its answer comes, as a literal: `[figure]` keeps a number unboxed
    // in a packed array of doubles, where a row made first as `[null]` would box every figure.
    if (this.columns > 1) for (let r = 0; r < this.rows; r++) this.result[r] = new Array(this.columns).fill(null);
    this.values = new Array(count);
    const fail = (i: number, problem: InputProblem) => this.failAt(i, problem);
    for (let k = 0; k < count; k++) {
      const values = new Float64Array(this.size);
      this.values[k] = values;
      if (this.failures === this.size) continue;
      const grid = grids[k];
      if (grid !== null) {
        readers[k].readRange(grid, values, fail);
        continue;
      }
      const value = readers[k].read(singleValue(args[k]));
      if (typeof value === "number") values.fill(value);
      else this.failEverywhere(value);
    }
  }

  /** True where the position already has its answer: an error from one of its arguments. */
  fails(position: number): boolean {
    return this.failed !== null && this.failed[position] === 1;
  }

  /**
   * A number as the answer at a position. Kept apart from `answer` so that this one-column row literal only ever
   * holds a double: the engine then stores it unboxed, where a literal that has also held errors and words boxes
   * every figure, and the extra garbage made a 100,000-row spill three times slower on a full heap.
   */
  number(position: number, value: number): void {
    const columns = this.columns;
    if (columns === 1) this.result[position] = [value];
    else this.result[(position / columns) | 0][position % columns] = value;
  }

  /** The answer at a position: a word, an error, or a number (see `number`). */
  answer(position: number, value: unknown): void {
    const columns = this.columns;
    if (columns === 1) this.result[position] = [value];
    else this.result[(position / columns) | 0][position % columns] = value;
  }

  /**
   * A problem that spoils every position (a bad single value, a bad table of tiers): each position that has no
   * earlier error gets it. Where none has, it is thrown: one error for the whole formula.
   */
  failEverywhere(problem: InputProblem): void {
    if (this.failures === 0) throw errorFor(problem);
    const error = errorFor(problem);
    for (let i = 0; i < this.size; i++) if (!this.fails(i)) this.failAt(i, problem, error);
  }

  private failAt(position: number, problem: InputProblem, error: unknown = errorFor(problem)): void {
    this.failed ??= new Uint8Array(this.size);
    if (this.failed[position] === 1) return;
    this.failed[position] = 1;
    this.failures++;
    this.answer(position, error);
  }
}
