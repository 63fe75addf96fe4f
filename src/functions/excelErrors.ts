/**
 * The error values a custom function hands back to Excel, and the ones it is handed. This is the only module that
 * touches the `CustomFunctions` global, and only when a function runs: at load time nothing here reaches for it.
 */

declare global {
  // Excel's JavaScript-only runtime provides this global; no installed package declares it. Only what we use.
  namespace CustomFunctions {
    class Error {
      constructor(code: string, message?: string);
      code: string;
      message?: string;
    }
    const ErrorCode: {
      readonly invalidValue: string;
      readonly divisionByZero: string;
      readonly invalidNumber: string;
      readonly notAvailable: string;
    };
    function associate(id: string, fn: (...args: never[]) => unknown): void;
  }
}

/** A problem with one argument value, said in words; a #VALUE! once it reaches Excel. */
export class InputProblem {
  constructor(
    readonly message: string,
    /** An Excel error that arrived in the argument itself (a cell holding #N/A): the answer is that error. */
    readonly arrived: unknown = null,
  ) {}
}

/**
 * Excel shows a custom message only for #VALUE! and #N/A (custom-functions-errors), so every input problem is a
 * #VALUE! carrying its message.
 */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function errorFor(problem: InputProblem): unknown {
  return problem.arrived ?? valueError(problem.message);
}

/** No ROI exists (pv_costs is 0). #DIV/0! takes no custom message. */
export function noRatio(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
}

/** A figure that never comes (payback) or cannot be represented. #NUM! takes no custom message. */
export function noNumber(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
}

/**
 * The errors a function may return (CustomFunctions.ErrorCode: #REF! and #NAME? are "supported as a custom function
 * input error, but not as a custom function output error"), so an input holding one of these passes it on.
 */
export const PASSED_ON_CODES: readonly string[] = ["#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#VALUE!"];

/** What the input-only errors mean, for the message that replaces them. */
const INPUT_ONLY_MEANING: ReadonlyMap<string, string> = new Map([
  ["#REF!", "a reference to cells that no longer exist"],
  ["#NAME?", "a name Excel does not recognise"],
]);

/** A data type's error (allowCustomDataForDataTypeAny) names its kind in errorType rather than its code. */
const CODE_OF_ERROR_TYPE: ReadonlyMap<string, string> = new Map([
  ["NotAvailable", "#N/A"],
  ["Div0", "#DIV/0!"],
  ["Num", "#NUM!"],
  ["Null", "#NULL!"],
  ["Value", "#VALUE!"],
  ["Ref", "#REF!"],
  ["Name", "#NAME?"],
  ["Spill", "#SPILL!"],
  ["Calc", "#CALC!"],
  ["Busy", "#BUSY!"],
  ["GettingData", "#GETTING_DATA"],
  ["Field", "#FIELD!"],
  ["Connect", "#CONNECT!"],
  ["Blocked", "#BLOCKED!"],
]);

/**
 * The code of an Excel error that arrived as a value, or null for anything else. With allowErrorForDataTypeAny the
 * runtime hands an error cell over as a CustomFunctions.Error with only its code (custom-functions-runtime.js,
 * `_transferCustomFunctionError`); with data types enabled as well it can come as a data type's error object,
 * `{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }`. Both are read.
 */
export function arrivedErrorCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { code, type, basicValue, errorType } = value as {
    code?: unknown;
    type?: unknown;
    basicValue?: unknown;
    errorType?: unknown;
  };
  if (typeof code === "string" && code.startsWith("#")) return code;
  if (type !== "Error") return null;
  if (typeof basicValue === "string" && basicValue.startsWith("#")) return basicValue;
  return (typeof errorType === "string" && CODE_OF_ERROR_TYPE.get(errorType)) || "#VALUE!";
}

export function isArrivedError(value: unknown): boolean {
  return arrivedErrorCode(value) !== null;
}

/**
 * The problem an error in an argument makes (functions.md): an error Excel lets a function return passes through to
 * that position unchanged; an input-only one (#REF!, #NAME?, and any newer code) becomes a #VALUE! that names the
 * argument and the error.
 */
export function arrivedProblem(name: string, code: string): InputProblem {
  if (PASSED_ON_CODES.includes(code)) return new InputProblem(`${name} holds ${code}`, new CustomFunctions.Error(code));
  const meaning = INPUT_ONLY_MEANING.get(code);
  return new InputProblem(
    `${name} holds the error ${code}${meaning ? ` (${meaning})` : ""}, which a function cannot pass on; ` +
      "correct the cell or formula it comes from",
  );
}

/**
 * Runs a function's body so that nothing escapes as an unexplained exception: Excel's own errors pass through,
 * anything else (a fault of ours) becomes a #VALUE! that says which function failed and why.
 */
export function answering<T>(functionName: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof CustomFunctions.Error || isArrivedError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw valueError(`${functionName} could not compute an answer: ${reason}`);
  }
}
