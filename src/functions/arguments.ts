import {
  INTEGRATION_NEEDS,
  INTEGRATION_WORDS_TEXT,
  readIntegration,
  readNumber,
  readPercentText,
  readYesNo,
} from "../model";
import { arrivedErrorCode, arrivedProblem, InputProblem, valueError } from "./excelErrors";

/**
 * How one argument value becomes a number the model takes (functions.md, "Behaviour that every function shares").
 * Every reader answers a number, so a call can hold each argument in a Float64Array: a yes/no is 1 or 0, an
 * integration need its index in INTEGRATION_NEEDS, a measure its index in its list of words. A reader is made once
 * per parameter, at load; reading a good number allocates nothing.
 */
export abstract class Reader {
  constructor(
    /** The argument's name as Excel shows it, for messages. */
    readonly name: string,
    /** True where the argument is one value, never lifted over a range (measure). */
    readonly single = false,
  ) {}

  abstract read(value: unknown): number | InputProblem;

  /**
   * Reads a range's cells, row by row, into `into`; a cell that does not read goes to `problem` with its position.
   * Every row must be as long as the first (a #VALUE! for the whole formula otherwise). Indexed loops, not for-of:
   * ranges can come from another realm, where the array iterator's fast path does not apply.
   */
  readRange(
    range: readonly (readonly unknown[])[],
    into: Float64Array,
    problem: (position: number, found: InputProblem) => void,
  ): void {
    const columns = range[0].length;
    for (let r = 0, i = 0; r < range.length; r++) {
      const row = range[r];
      if (!Array.isArray(row) || row.length !== columns) throw notRectangular(this.name);
      for (let c = 0; c < columns; c++, i++) {
        const value = this.read(row[c]);
        if (typeof value === "number") into[i] = value;
        else problem(i, value);
      }
    }
  }
}

function notRectangular(name: string): unknown {
  return valueError(`${name} is not a rectangular range`);
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
  const type = typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof type === "string") return `a data type value (${type})`;
  return "an unreadable value";
}

// Data types whose plain value is a number, text or a boolean (allowCustomDataForDataTypeAny, which the metadata
// generator always writes: a formatted number can arrive as { type: "FormattedNumber", basicValue: 60, ... }).
const PLAIN_DATA_TYPES = new Set(["Double", "FormattedNumber", "String", "Boolean"]);

/**
 * What a cell holds once Excel's wrappers are off: the plain value, or the problem an error in it makes. Every value
 * that is not an object is already plain.
 */
export function unwrap(name: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const code = arrivedErrorCode(value);
  if (code !== null) return arrivedProblem(name, code);
  const { type, basicValue } = value as { type?: unknown; basicValue?: unknown };
  return typeof type === "string" && PLAIN_DATA_TYPES.has(type) ? basicValue : value;
}

/** A number from a number, or from text read as the table reads it ("1,200", "$1,200.50", "80%"). */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") return readPercentText(value) ?? readNumber(value);
  return undefined;
}

interface NumberRule {
  min: number;
  /** The largest allowed; Number.MAX_VALUE for "at least min", so that Infinity is refused. */
  max: number;
  whole?: boolean;
  /** True where 0 is not a legitimate value and so reads as empty: some desktop builds pass an empty cell as 0. */
  zeroIsEmpty?: boolean;
  /** What the message says the argument must be. */
  expected: string;
  /** Advice for a number out of range, where there is some. */
  advise?: (n: number, value: unknown) => string | undefined;
}

/** A number argument. Its bounds are data, not a callback, so the one loop over a range stays monomorphic. */
class NumberReader extends Reader {
  private readonly min: number;
  private readonly max: number;
  private readonly whole: boolean;
  private readonly zeroIsEmpty: boolean;

  constructor(
    name: string,
    private readonly fallback: number,
    private readonly rule: NumberRule,
  ) {
    super(name);
    this.min = rule.min;
    this.max = rule.max;
    this.whole = rule.whole === true;
    this.zeroIsEmpty = rule.zeroIsEmpty === true;
  }

  private accepts(n: number): boolean {
    return n >= this.min && n <= this.max && (!this.whole || Number.isInteger(n));
  }

  read(value: unknown): number | InputProblem {
    if (typeof value === "number" && this.accepts(value) && (value !== 0 || !this.zeroIsEmpty)) return value;
    const plain = unwrap(this.name, value);
    if (plain instanceof InputProblem) return plain;
    const number = isEmpty(plain) || (this.zeroIsEmpty && plain === 0) ? this.fallback : numberFrom(plain);
    if (number !== undefined && this.accepts(number)) return number;
    const found = `${this.name} must be ${this.rule.expected}; got ${describe(plain)}`;
    const advice = number === undefined ? undefined : this.rule.advise?.(number, plain);
    return new InputProblem(advice ? `${found}; ${advice}` : found);
  }

  override readRange(
    range: readonly (readonly unknown[])[],
    into: Float64Array,
    problem: (position: number, found: InputProblem) => void,
  ): void {
    const { min, max, whole, zeroIsEmpty } = this;
    const columns = range[0].length;
    for (let r = 0, i = 0; r < range.length; r++) {
      const row = range[r];
      if (!Array.isArray(row) || row.length !== columns) throw notRectangular(this.name);
      for (let c = 0; c < columns; c++, i++) {
        const cell = row[c];
        // The cells of a range of numbers, read without a call; anything else goes the long way.
        if (
          typeof cell === "number" &&
          cell >= min &&
          cell <= max &&
          (cell !== 0 || !zeroIsEmpty) &&
          (!whole || Number.isInteger(cell))
        ) {
          into[i] = cell;
          continue;
        }
        const value = this.read(cell);
        if (typeof value === "number") into[i] = value;
        else problem(i, value);
      }
    }
  }
}

/**
 * Money or a count, at least 0. A required one takes 0 from an empty cell, as Excel's own functions do, so the
 * fallback is 0 for required arguments and the default for optional ones.
 */
export function amount(name: string, fallback: number): Reader {
  return new NumberReader(name, fallback, { min: 0, max: Number.MAX_VALUE, expected: "a number of at least 0" });
}

/**
 * A fraction from 0 to 1. Unlike the table reader, 80 is not read as 80 %: a formula has no row note to say what
 * was assumed, so the message says how to write it instead. A 0 is a real 0 (no adoption, no discounting).
 */
export function share(name: string, fallback: number): Reader {
  return new NumberReader(name, fallback, {
    min: 0,
    max: 1,
    expected: "a share between 0 and 1",
    advise: (n, value) =>
      n > 1 && n <= 100 && !(typeof value === "string" && value.trim().endsWith("%"))
        ? `for ${n} %, write ${n / 100} or "${n}%"`
        : undefined,
  });
}

/** The horizon: a whole number of years from 1 to 30. A 0 reads as empty, since no horizon is 0 years long. */
export function wholeYears(name: string, fallback: number): Reader {
  return new NumberReader(name, fallback, {
    min: 1,
    max: 30,
    whole: true,
    zeroIsEmpty: true,
    expected: "a whole number of years from 1 to 30",
  });
}

/** A ratio of at least 0, such as the hurdle ROI: 1 (or "100%") means the value must double the cost. */
export function ratio(name: string, fallback: number): Reader {
  return new NumberReader(name, fallback, {
    min: 0,
    max: Number.MAX_VALUE,
    expected: 'a ratio of at least 0 (1 or "100%" means the value must double the cost)',
  });
}

/** Months until adoption is full: 0 to 12, fractions allowed (model.md, "One option"). */
export function months(name: string, fallback: number): Reader {
  return new NumberReader(name, fallback, { min: 0, max: 12, expected: "a number of months from 0 to 12" });
}

class YesNoReader extends Reader {
  read(value: unknown): number | InputProblem {
    if (value === false || value === null) return 0;
    if (value === true) return 1;
    const plain = unwrap(this.name, value);
    if (plain instanceof InputProblem) return plain;
    // readYesNo reads omitted, empty and blank as no itself.
    const answer = readYesNo(plain);
    return answer === undefined
      ? new InputProblem(`${this.name} must be TRUE or FALSE (or yes, no, y, n, 1, 0, x); got ${describe(plain)}`)
      : +answer;
  }
}

/** TRUE or FALSE, or the yes/no words the table accepts; empty is FALSE. Read as 1 or 0. */
export function yesNo(name: string): Reader {
  return new YesNoReader(name);
}

class IntegrationReader extends Reader {
  read(value: unknown): number | InputProblem {
    const plain = unwrap(this.name, value);
    if (plain instanceof InputProblem) return plain;
    // readIntegration reads omitted, empty and blank as none itself.
    const need = plain === 0 ? "none" : readIntegration(plain);
    return need === undefined
      ? new InputProblem(`${this.name} must be ${INTEGRATION_WORDS_TEXT}; got ${describe(plain)}`)
      : INTEGRATION_NEEDS.indexOf(need);
  }
}

/**
 * The table's integration words, any case; empty is none. A 0 reads as empty too: no integration need is a number,
 * and some desktop builds pass an empty cell as 0. Read as the need's index in INTEGRATION_NEEDS.
 */
export function integrationNeed(name: string): Reader {
  return new IntegrationReader(name);
}

class WordReader extends Reader {
  constructor(
    name: string,
    private readonly words: readonly string[],
  ) {
    super(name, true);
  }

  read(value: unknown): number | InputProblem {
    const plain = unwrap(this.name, value);
    if (plain instanceof InputProblem) return plain;
    if (isEmpty(plain)) return 0;
    const index = typeof plain === "string" ? this.words.indexOf(plain.trim().toLowerCase()) : -1;
    return index >= 0
      ? index
      : new InputProblem(`${this.name} must be one of ${this.words.join(", ")}; got ${describe(plain)}`);
  }
}

/**
 * One word from a fixed list, any case, read as its index; empty is the first. One value for the whole formula,
 * never lifted over a range (measure).
 */
export function word(name: string, words: readonly string[]): Reader {
  return new WordReader(name, words);
}
