import type { VolumeTier } from "../model";
import { describe, isEmpty, numberFrom, unwrap } from "./arguments";
import { InputProblem } from "./excelErrors";

const NAME = "volume_discounts";

/**
 * SEAT_COST's tier table (model.md, "The per-seat cost"): rows of (minimum seats, discount) in any order, a
 * discount from 0 up to, not including, 1, no minimum twice, fully empty rows ignored. The table applies to every
 * position of the answer, so a problem with it is one problem for the whole formula, returned for the caller to
 * place after the arguments before it (the first erring argument speaks).
 */
export function readVolumeTiers(value: unknown): VolumeTier[] | InputProblem {
  if (isEmpty(value)) return [];
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    const plain = unwrap(NAME, value);
    if (plain instanceof InputProblem) return plain;
    return new InputProblem(`${NAME} must be a range of (minimum seats, discount) rows; got ${describe(plain)}`);
  }
  const rows = value as unknown[][];
  const tiers: VolumeTier[] = [];
  const firstRowOf = new Map<number, number>();
  for (let index = 0; index < rows.length; index++) {
    const number = index + 1;
    const row = rows[index].map((cell) => unwrap(`${NAME} row ${number}`, cell));
    const arrived = row.find((cell) => cell instanceof InputProblem);
    if (arrived instanceof InputProblem) return arrived;
    if (row.every(isEmpty)) continue;
    if (row.length !== 2) {
      return new InputProblem(
        `${NAME} must have two columns (minimum seats, discount); row ${number} has ${row.length} column${row.length === 1 ? "" : "s"}`,
      );
    }
    const minSeats = isEmpty(row[0]) ? undefined : numberFrom(row[0]);
    if (minSeats === undefined || !(minSeats >= 0 && minSeats < Infinity)) {
      return new InputProblem(
        `${NAME} row ${number}: minimum seats must be a number of at least 0; got ${found(row[0])}`,
      );
    }
    const discount = isEmpty(row[1]) ? undefined : numberFrom(row[1]);
    if (discount === undefined || !(discount >= 0 && discount < 1)) {
      return new InputProblem(
        `${NAME} row ${number}: the discount must be a share from 0 up to, not including, 1; got ${found(row[1])}`,
      );
    }
    const earlier = firstRowOf.get(minSeats);
    if (earlier !== undefined) {
      return new InputProblem(
        `${NAME} rows ${earlier} and ${number} both start at ${minSeats} seats; give each minimum once`,
      );
    }
    firstRowOf.set(minSeats, number);
    tiers.push({ minSeats, discount });
  }
  return tiers;
}

function found(value: unknown): string {
  return isEmpty(value) ? "an empty cell" : describe(value);
}
