/**
 * How Excel hands arguments to a matrix parameter, and how the tests read what comes back: a single value arrives
 * as a 1x1 array, a range as rows of cells, an omitted argument as null.
 */

// Declares the CustomFunctions global's type for these helpers; the shim in test/support provides the value.
import "../../src/functions/excelErrors";

export type Grid = unknown[][];

/** A single value or a single cell, as a matrix parameter receives it. */
export function cell(value: unknown): Grid {
  return [[value]];
}

/** A one-column range, top to bottom. */
export function column(...values: unknown[]): Grid {
  return values.map((value) => [value]);
}

/** A one-row range, left to right. */
export function row(...values: unknown[]): Grid {
  return [values];
}

export interface ExcelError {
  code: string;
  message: string;
}

export function isExcelError(value: unknown): value is ExcelError {
  return value instanceof CustomFunctions.Error;
}

/** What the formula shows: the spilled grid, or the one error a thrown CustomFunctions.Error puts in its cell. */
export function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (isExcelError(error)) return error;
    throw error;
  }
}

/** The single answer of a formula whose arguments are all single values. */
export function single(call: () => unknown): unknown {
  const result = outcome(call);
  if (isExcelError(result)) return result;
  expect(Array.isArray(result)).toBe(true);
  const grid = result as Grid;
  expect(grid).toHaveLength(1);
  expect(grid[0]).toHaveLength(1);
  return grid[0][0];
}

/** Asserts an Excel error with this code; where given, each fragment must appear in its message. */
export function expectError(value: unknown, code: string, ...fragments: string[]): void {
  expect(isExcelError(value)).toBe(true);
  const error = value as ExcelError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

/** A number that is not an error. */
export function numberOf(value: unknown): number {
  if (isExcelError(value)) throw new Error(`expected a number, got ${value.code} ${value.message}`);
  expect(typeof value).toBe("number");
  return value as number;
}

/** Equal within a relative 1e-9, for expectations the test computes itself (model.md, "Conventions"). */
export function expectRelative(received: unknown, expected: number): void {
  const number = numberOf(received);
  expect(Math.abs(number - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-300));
}

/** model.md's formulas, written out again by hand for the tests' own expectations. */
export function annuityByHand(years: number, rate: number): number {
  let sum = 0;
  for (let t = 1; t <= years; t++) sum += 1 / Math.pow(1 + rate, t);
  return sum;
}

export function rebuildByHand(oneTime: number, years: number, rate: number, survival: number): number {
  let sum = 0;
  for (let t = 1; t <= years; t++) sum += (Math.pow(survival, t - 1) * (1 - survival)) / Math.pow(1 + rate, t);
  return oneTime * sum;
}
