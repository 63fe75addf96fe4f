import {
  INTEGRATION_WORDS_TEXT,
  readIntegration,
  readNumber,
  readPercentText,
  readYesNo,
  type IntegrationNeed,
} from "../model";
import { InputProblem, isArrivedError } from "./excelErrors";

/**
 * How one argument value becomes what the model takes (functions.md, "Behaviour that every function shares").
 * A reader is made once per parameter, at load; reading a cell allocates nothing unless the cell is bad.
 */
export interface Reader<T> {
  /** The argument's name as Excel shows it, for messages. */
  readonly name: string;
  read(value: unknown): T | InputProblem;
}

/** Omitted (null), an empty cell (null, or undefined in older hosts), or text with nothing in it. */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** What the user gave, as they would read it in a message. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  if (typeof value === "number") return String(value);
  return "an unreadable value";
}

function problem(name: string, expected: string, value: unknown): InputProblem {
  return isArrivedError(value)
    ? new InputProblem(`${name} holds an error value`, value)
    : new InputProblem(`${name} must be ${expected}; got ${describe(value)}`);
}

/** A number from a number, or from text read as the table reads it ("1,200", "$1,200.50", "80%"). */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") return readPercentText(value) ?? readNumber(value);
  return undefined;
}

/** As numberFrom, with the fallback where the value is empty. */
function toNumber(value: unknown, fallback: number): number | undefined {
  return isEmpty(value) ? fallback : numberFrom(value);
}

/**
 * Money or a count, at least 0. A required one takes 0 from an empty cell, as Excel's own functions do, so the
 * fallback is 0 for required arguments and the default for optional ones.
 */
export function amount(name: string, fallback: number): Reader<number> {
  const expected = "a number of at least 0";
  return {
    name,
    read(value) {
      if (typeof value === "number" && value >= 0 && value < Infinity) return value;
      const number = toNumber(value, fallback);
      return number !== undefined && number >= 0 && number < Infinity ? number : problem(name, expected, value);
    },
  };
}

/**
 * A fraction from 0 to 1. Unlike the table reader, 80 is not read as 80 %: a formula has no row note to say what
 * was assumed, so the message says how to write it instead.
 */
export function share(name: string, fallback: number): Reader<number> {
  const expected = "a share between 0 and 1";
  return {
    name,
    read(value) {
      if (typeof value === "number" && value >= 0 && value <= 1) return value;
      const number = toNumber(value, fallback);
      if (number !== undefined && number >= 0 && number <= 1) return number;
      const found = problem(name, expected, value);
      const writtenAsPercent = typeof value === "string" && value.trim().endsWith("%");
      return number !== undefined && number > 1 && number <= 100 && !writtenAsPercent
        ? new InputProblem(`${found.message}; for ${number} %, write ${number / 100} or "${number}%"`)
        : found;
    },
  };
}

/** The horizon: a whole number of years from 1 to 30. */
export function wholeYears(name: string, fallback: number): Reader<number> {
  const expected = "a whole number of years from 1 to 30";
  return {
    name,
    read(value) {
      const number = toNumber(value, fallback);
      return number !== undefined && Number.isInteger(number) && number >= 1 && number <= 30
        ? number
        : problem(name, expected, value);
    },
  };
}

/** A ratio of at least 0, such as the hurdle ROI: 1 (or "100%") means the value must double the cost. */
export function ratio(name: string, fallback: number): Reader<number> {
  const expected = 'a ratio of at least 0 (1 or "100%" means the value must double the cost)';
  return {
    name,
    read(value) {
      const number = toNumber(value, fallback);
      return number !== undefined && number >= 0 && number < Infinity ? number : problem(name, expected, value);
    },
  };
}

/** TRUE or FALSE, or the yes/no words the table accepts; empty is FALSE. */
export function yesNo(name: string): Reader<boolean> {
  const expected = "TRUE or FALSE (or yes, no, y, n, 1, 0, x)";
  return {
    name,
    read(value) {
      // readYesNo reads omitted, empty and blank as no itself.
      const answer = readYesNo(value);
      return answer === undefined ? problem(name, expected, value) : answer;
    },
  };
}

/** The table's integration words, any case; empty is none. */
export function integrationNeed(name: string): Reader<IntegrationNeed> {
  const expected = INTEGRATION_WORDS_TEXT;
  return {
    name,
    read(value) {
      // readIntegration reads omitted, empty and blank as none itself.
      const need = readIntegration(value);
      return need === undefined ? problem(name, expected, value) : need;
    },
  };
}
