import type { VolumeTier } from "../model";
import { describe, isEmpty, numberFrom } from "./arguments";
import { valueError } from "./excelErrors";

const NAME = "volume_discounts";

/**
 * SEAT_COST's tier table (model.md, "The per-seat cost"): rows of (minimum seats, discount) in any order, a
 * discount from 0 up to, not including, 1, no minimum twice, fully empty rows ignored. The table applies to every
 * position of the answer, so a problem with it is one #VALUE! for the whole formula.
 */
export function readVolumeTiers(value: unknown): VolumeTier[] {
  if (isEmpty(value)) return [];
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    throw valueError(`${NAME} must be a range of (minimum seats, discount) rows; got ${describe(value)}`);
  }
  const rows = value as unknown[][];
  const filled = rows.map((row, index) => ({ row, number: index + 1 })).filter(({ row }) => !row.every(isEmpty));
  const tiers: VolumeTier[] = [];
  const firstRowOf = new Map<number, number>();
  for (const { row, number } of filled) {
    if (row.length !== 2) {
      throw valueError(
        `${NAME} must have two columns (minimum seats, discount); row ${number} has ${row.length} column${row.length === 1 ? "" : "s"}`,
      );
    }
    const minSeats = isEmpty(row[0]) ? undefined : numberFrom(row[0]);
    if (minSeats === undefined || !(minSeats >= 0 && minSeats < Infinity)) {
      throw valueError(`${NAME} row ${number}: minimum seats must be a number of at least 0; got ${found(row[0])}`);
    }
    const discount = isEmpty(row[1]) ? undefined : numberFrom(row[1]);
    if (discount === undefined || !(discount >= 0 && discount < 1)) {
      throw valueError(
        `${NAME} row ${number}: the discount must be a share from 0 up to, not including, 1; got ${found(row[1])}`,
      );
    }
    const earlier = firstRowOf.get(minSeats);
    if (earlier !== undefined) {
      throw valueError(`${NAME} rows ${earlier} and ${number} both start at ${minSeats} seats; give each minimum once`);
    }
    firstRowOf.set(minSeats, number);
    tiers.push({ minSeats, discount });
  }
  return tiers;
}

function found(value: unknown): string {
  return isEmpty(value) ? "an empty cell" : describe(value);
}
