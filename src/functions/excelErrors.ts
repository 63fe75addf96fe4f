/**
 * The error values a custom function hands back to Excel. This is the only module that touches the
 * `CustomFunctions` global, and only when a function runs: at load time nothing here reaches for it.
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
    /** An error value that arrived in the argument itself (a cell holding #N/A): it goes back unchanged. */
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

/** An error value as Excel passes it inside a range: an object with a code such as "#N/A". */
export function isArrivedError(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { code?: unknown }).code === "string"
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
