import { parseCellAddress } from "../../../src/workbook/a1";
import type { LayoutValue, SheetLayout } from "../../../src/workbook/layout";

/**
 * Just enough of Excel's formula language to check a layout against itself: numbers, "" strings, same-sheet
 * cell references and ranges, + - * /, =, and the functions the layout may use (SUM, IF, OR). Anything else
 * throws, so a formula outside that native subset fails the test. An empty cell is 0 in arithmetic, as in Excel.
 */
type Value = number | string | boolean | null;

export function cellValue(sheet: SheetLayout, address: string): Value {
  const at = parseCellAddress(address);
  if (!at) throw new Error(`not a cell address: ${address}`);
  return sheet.rows[at.row - 1]?.[at.column - 1]?.value ?? null;
}

export function evaluate(sheet: SheetLayout, formula: string): LayoutValue {
  if (!formula.startsWith("=")) throw new Error(`not a formula: ${formula}`);
  const tokens = formula.slice(1).match(/\$?[A-Z]+\$?\d+|\d+(?:\.\d+)?|"[^"]*"|[A-Z]+(?=\()|[-+*/=(),:]/g) ?? [];
  if (tokens.join("") !== formula.slice(1).replace(/\s+/g, "")) throw new Error(`cannot read ${formula}`);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const token = tokens[i++];
    if (expected !== undefined && token !== expected) throw new Error(`expected ${expected} in ${formula}`);
    return token;
  };
  const num = (v: Value | Value[]): number => {
    if (Array.isArray(v)) throw new Error(`a range used as a number in ${formula}`);
    if (v === null) return 0;
    if (typeof v !== "number") throw new Error(`#VALUE! in ${formula}: ${JSON.stringify(v)}`);
    return v;
  };
  const scalar = (v: Value | Value[]): Value => {
    if (Array.isArray(v)) throw new Error(`a range used as a value in ${formula}`);
    return v;
  };

  function compare(): Value | Value[] {
    const left = add();
    if (peek() !== "=") return left;
    take();
    const a = scalar(left);
    const b = scalar(add());
    return (a ?? 0) === (b ?? 0) || (a === null && b === "") || (a === "" && b === null);
  }
  function add(): Value | Value[] {
    let v = mul();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      const r = num(mul());
      v = op === "+" ? num(v) + r : num(v) - r;
    }
    return v;
  }
  function mul(): Value | Value[] {
    let v = unary();
    while (peek() === "*" || peek() === "/") {
      const op = take();
      const r = num(unary());
      if (op === "/" && r === 0) throw new Error(`#DIV/0! in ${formula}`);
      v = op === "*" ? num(v) * r : num(v) / r;
    }
    return v;
  }
  function unary(): Value | Value[] {
    if (peek() === "-") {
      take();
      return -num(unary());
    }
    return primary();
  }
  function args(): (Value | Value[])[] {
    take("(");
    const list = [compare()];
    while (peek() === ",") {
      take();
      list.push(compare());
    }
    take(")");
    return list;
  }
  function primary(): Value | Value[] {
    const token = take();
    if (token === undefined) throw new Error(`unexpected end of ${formula}`);
    if (token === "(") {
      const v = compare();
      take(")");
      return v;
    }
    if (/^\d/.test(token)) return Number(token);
    if (token.startsWith('"')) return token.slice(1, -1);
    if (token === "SUM")
      return args()
        .flat()
        .reduce<number>((t, v) => t + (typeof v === "number" ? v : 0), 0);
    if (token === "OR") return args().some((v) => scalar(v) === true);
    if (token === "IF") {
      // Only the branch taken is evaluated, as in Excel: a guarded division by zero must not fail.
      take("(");
      const condition = scalar(compare());
      take(",");
      let v: Value | Value[] = false;
      if (condition === true) {
        v = compare();
        if (peek() === ",") {
          take();
          skipArgument();
        }
      } else {
        skipArgument();
        if (peek() === ",") {
          take();
          v = compare();
        }
      }
      take(")");
      return v;
    }
    const at = parseCellAddress(token);
    if (!at) throw new Error(`unknown name ${token} in ${formula}`);
    if (peek() !== ":") return cellValue(sheet, token);
    take(":");
    const end = parseCellAddress(take());
    if (!end) throw new Error(`bad range in ${formula}`);
    const values: Value[] = [];
    for (let r = at.row; r <= end.row; r++) {
      for (let c = at.column; c <= end.column; c++) values.push(sheet.rows[r - 1]?.[c - 1]?.value ?? null);
    }
    return values;
  }
  /** Skips one argument without evaluating it (a guarded division must not fail). */
  function skipArgument() {
    let depth = 0;
    while (i < tokens.length) {
      const t = peek();
      if (depth === 0 && (t === "," || t === ")")) return;
      if (t === "(") depth++;
      if (t === ")") depth--;
      i++;
    }
  }
  const result = compare();
  if (i !== tokens.length) throw new Error(`unread rest of ${formula}`);
  if (Array.isArray(result)) throw new Error(`a range as a result of ${formula}`);
  return result;
}
