/**
 * `CustomFunctions` is a global only inside Excel; no Microsoft package provides one for tests. This shim has
 * the surface our code and the built bundle use: the Error class, its codes, and `associate`.
 */
type ErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A" | "#NULL!" | "#REF!" | "#NAME?" | "#GETTING_DATA";

class CustomFunctionsError extends Error {
  code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? "");
    this.code = code;
  }
}

const registry = new Map<string, (...args: unknown[]) => unknown>();

const shim = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    if (typeof id === "string") registry.set(id, fn!);
    else for (const [key, value] of Object.entries(id)) registry.set(key, value);
  },
  /** Test-only: what was associated, by id. */
  registered: registry,
};

(globalThis as unknown as { CustomFunctions: typeof shim }).CustomFunctions = shim;

export {};
