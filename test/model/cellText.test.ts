import { readIntegration, readNumber, readPercentText, readTableShare, readYesNo } from "../../src/model";

/** sheets.md, "Reading a cell". */
describe("numbers", () => {
  it.each<[string, number]>([
    ["1,200", 1200],
    ["$1,200.50", 1200.5],
    [" 12 ", 12],
    ["€ 85", 85],
    ["(500)", -500],
    ["12,345,678", 12_345_678],
    ["0.25", 0.25],
    ["-3", -3],
  ])("reads %j as %d", (text, expected) => {
    expect(readNumber(text)).toBe(expected);
  });

  it("reads numbers as themselves", () => {
    expect(readNumber(42)).toBe(42);
    expect(readNumber(0)).toBe(0);
    expect(readNumber(-7.5)).toBe(-7.5);
  });

  it.each(["1,5", "1,20", "12,34,567", "abc", "", "12abc", "1.2.3"])("does not read %j as a number", (text) => {
    expect(readNumber(text)).toBeUndefined();
  });

  it("does not read what is neither a number nor text", () => {
    expect(readNumber(null)).toBeUndefined();
    expect(readNumber(undefined)).toBeUndefined();
    expect(readNumber(true)).toBeUndefined();
    expect(readNumber(Number.NaN)).toBeUndefined();
  });
});

describe("shares", () => {
  it("a number from 0 to 1 is a fraction", () => {
    expect(readTableShare(0.8)).toEqual({ share: 0.8, readAsPercent: false });
    expect(readTableShare(0)).toEqual({ share: 0, readAsPercent: false });
    expect(readTableShare(1)).toEqual({ share: 1, readAsPercent: false });
    expect(readTableShare("0.8")).toEqual({ share: 0.8, readAsPercent: false });
  });

  it("a number above 1 and at most 100 is a percentage, and says so for the row's note", () => {
    expect(readTableShare(80)).toEqual({ share: 0.8, readAsPercent: true });
    expect(readTableShare(100)).toEqual({ share: 1, readAsPercent: true });
    expect(readTableShare("80")).toEqual({ share: 0.8, readAsPercent: true });
  });

  it("text ending in % is a percentage", () => {
    expect(readTableShare("80%")).toEqual({ share: 0.8, readAsPercent: false });
    expect(readTableShare(" 12.5 % ")).toEqual({ share: 0.125, readAsPercent: false });
    expect(readPercentText("80%")).toBe(0.8);
    expect(readPercentText("80")).toBeUndefined();
  });

  it.each<unknown>([101, -0.1, "150%", "-5%", "lots", "1,5%"])("refuses %j", (value) => {
    expect(readTableShare(value)).toBeUndefined();
  });
});

describe("yes/no", () => {
  it.each(["yes", "YES", "Yes", "y", "Y", "true", "TRUE", "True", "1", "x", "X", " yes "])(
    "reads %j as yes",
    (word) => {
      expect(readYesNo(word)).toBe(true);
    },
  );

  it.each(["no", "NO", "No", "n", "N", "false", "FALSE", "False", "0", ""])("reads %j as no", (word) => {
    expect(readYesNo(word)).toBe(false);
  });

  it("reads Excel's booleans and an empty cell", () => {
    expect(readYesNo(true)).toBe(true);
    expect(readYesNo(false)).toBe(false);
    expect(readYesNo(1)).toBe(true);
    expect(readYesNo(0)).toBe(false);
    expect(readYesNo(null)).toBe(false);
    expect(readYesNo(undefined)).toBe(false);
  });

  it.each<unknown>(["maybe", "yess", 2, "sometimes"])("does not read %j", (value) => {
    expect(readYesNo(value)).toBeUndefined();
  });
});

describe("integration", () => {
  it.each<[string, string]>([
    ["none", "none"],
    ["None", "none"],
    ["no", "none"],
    ["NO", "none"],
    ["n/a", "none"],
    ["N/A", "none"],
    ["light", "light"],
    ["Light", "light"],
    ["low", "light"],
    ["LOW", "light"],
    ["medium", "light"],
    ["Medium", "light"],
    ["deep", "deep"],
    ["DEEP", "deep"],
    ["high", "deep"],
    ["High", "deep"],
    ["", "none"],
    ["  Deep ", "deep"],
  ])("reads %j as %s", (word, need) => {
    expect(readIntegration(word)).toBe(need);
  });

  it("reads an empty cell as none", () => {
    expect(readIntegration(null)).toBe("none");
    expect(readIntegration(undefined)).toBe("none");
  });

  it.each<unknown>(["extreme", "heavy", 3, true, "constructor", "toString", "__proto__"])(
    "does not read %j",
    (value) => {
      expect(readIntegration(value)).toBeUndefined();
    },
  );
});
