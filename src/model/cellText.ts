import type { IntegrationNeed } from "./capture";

/**
 * How a cell's content reads as a number, a share, a yes/no or an integration need (sheets.md, "Reading a
 * cell"). The table reader and the custom functions read text the same way, so they live in one place.
 * Each reader returns undefined for what it cannot read; the caller knows which cell or argument to name.
 */

// Currency signs and codes that budget workbooks put before or after an amount.
const CURRENCY = /^(?:[$€£¥₹]|usd|eur|gbp|chf|jpy|cad|aud)\s*|\s*(?:[$€£¥₹]|usd|eur|gbp|chf|jpy|cad|aud)$/i;
// Digits with commas only between groups of exactly three, an optional decimal part.
const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

/** A number from a number or from text such as "1,200", "$1,200.50", " 12 ", "€ 85", "(500)". */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith("-")) {
    sign = -sign;
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY, "").trim();
  if (text.startsWith("-") && sign === 1) {
    sign = -1;
    text = text.slice(1).trim();
  }
  if (!PLAIN_NUMBER.test(text)) return undefined;
  return sign * Number(text.replace(/,/g, ""));
}

/** A percentage written as text ("80%", "12.5 %"), as a fraction; undefined for anything else. */
export function readPercentText(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!text.endsWith("%")) return undefined;
  const number = readNumber(text.slice(0, -1));
  return number === undefined ? undefined : number / 100;
}

export interface ShareReading {
  share: number;
  /** The cell held a number above 1 and at most 100, read as a percentage: the row gets a note. */
  readAsPercent: boolean;
}

/**
 * A share as the table reads it, cell by cell: 0 to 1 is a fraction, above 1 up to 100 a percentage, text
 * ending in % a percentage. Out of range (negative, above 100, above 100 %) is undefined.
 */
export function readTableShare(value: unknown): ShareReading | undefined {
  const percentText = readPercentText(value);
  if (percentText !== undefined) {
    return percentText >= 0 && percentText <= 1 ? { share: percentText, readAsPercent: false } : undefined;
  }
  const number = readNumber(value);
  if (number === undefined || number < 0 || number > 100) return undefined;
  return number <= 1 ? { share: number, readAsPercent: false } : { share: number / 100, readAsPercent: true };
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);

/** Yes/no: yes, no, y, n, true, false, 1, 0, x, Excel's booleans, and an empty cell (no), in any case. */
export function readYesNo(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

// A Map, not an object: a word such as "constructor" must not find Object's prototype.
const INTEGRATION_WORDS: ReadonlyMap<string, IntegrationNeed> = new Map([
  ["", "none"],
  ["none", "none"],
  ["no", "none"],
  ["n/a", "none"],
  ["light", "light"],
  ["low", "light"],
  ["medium", "light"],
  ["deep", "deep"],
  ["high", "deep"],
]);

/** none (no, n/a), light (low, medium), deep (high), in any case; an empty cell is none. */
export function readIntegration(value: unknown): IntegrationNeed | undefined {
  if (value === null || value === undefined) return "none";
  if (typeof value !== "string") return undefined;
  return INTEGRATION_WORDS.get(value.trim().toLowerCase());
}

/** The words the readers accept, for messages that say what was expected. */
export const YES_NO_WORDS = "yes, no, y, n, true, false, 1, 0, x or empty";
export const INTEGRATION_WORDS_TEXT = "none, light or deep (also no, n/a, low, medium, high)";
