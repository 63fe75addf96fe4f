import {
  currencyOfColumns,
  currencyOfFormat,
  moneyNumberFormat,
  type CurrencyToken,
} from "../../../src/workbook/currency";
import type { ColumnMatch } from "../../../src/workbook/reading";

/** sheets.md: money is shown in the currency the source's money cells carry in their number format. */

describe("the currency a number format carries", () => {
  it.each<[string, CurrencyToken | null]>([
    ['"$"#,##0', { symbol: "$", placement: "before" }],
    ["[$€-x-euro2] #,##0", { symbol: "€", placement: "before" }],
    ["#,##0 [$€-407]", { symbol: "€", placement: "after" }],
    ["£#,##0.00", { symbol: "£", placement: "before" }],
    ['_-* #,##0 "kr"_-', { symbol: "kr", placement: "after" }],
    ['"$"#,##0_);\\("$"#,##0\\)', { symbol: "$", placement: "before" }],
    ['"$"#,##0.00_);[Red]\\("$"#,##0.00\\)', { symbol: "$", placement: "before" }],
    ["\\€#,##0", { symbol: "€", placement: "before" }],
    ["[$USD] #,##0", { symbol: "USD", placement: "before" }],
    ['#,##0 "CHF"', { symbol: "CHF", placement: "after" }],
    ["[$R$-416] #,##0", { symbol: "R$", placement: "before" }],
    ['_-* #,##0.00 "zł"_-;-* #,##0.00 "zł"_-', { symbol: "zł", placement: "after" }],
  ])("%s carries %p", (format, token) => {
    expect(currencyOfFormat(format)).toEqual(token);
  });

  it.each([
    "#,##0",
    "General",
    "0.0%",
    "[$-409]#,##0",
    "[Red]#,##0",
    '0 "hours"',
    '#,##0 "per hour"',
    "0.00_);(0.00)",
    "@",
    "",
  ])("%p carries none", (format) => {
    expect(currencyOfFormat(format)).toBeNull();
  });

  it("no format, none", () => {
    expect(currencyOfFormat(null)).toBeNull();
    expect(currencyOfFormat(undefined)).toBeNull();
  });

  it("a fill or spacing character is never taken for the currency", () => {
    expect(currencyOfFormat("_$#,##0")).toBeNull();
    expect(currencyOfFormat("*$#,##0")).toBeNull();
  });
});

describe("the currency of the source's money columns", () => {
  const columns: ColumnMatch[] = [
    { field: "name", index: 0, header: "Workflow", column: "A" },
    { field: "hourlyCost", index: 4, header: "Hourly cost", column: "E" },
    { field: "integrationCost", index: 7, header: "Integration cost", column: "H" },
  ];

  it("Hourly cost's first, else Integration cost's", () => {
    expect(currencyOfColumns(columns, ["€#,##0", null, null, null, '"$"#,##0', null, null, "£#,##0"])).toBe("$");
    expect(currencyOfColumns(columns, [null, null, null, null, "#,##0", null, null, "£#,##0"])).toBe("£");
  });

  it("none where no money column carries one, or the adapter gave no formats", () => {
    expect(currencyOfColumns(columns, ['"$"#,##0', null, null, null, "#,##0", null, null, null])).toBeNull();
    expect(currencyOfColumns(columns, undefined)).toBeNull();
    expect(currencyOfColumns(columns, [])).toBeNull();
  });
});

describe("the money format of the add-in's sheets", () => {
  it("no decimals, negatives in parentheses, the currency where known", () => {
    expect(moneyNumberFormat("$")).toBe('"$"#,##0_);("$"#,##0)');
    expect(moneyNumberFormat("€", "after")).toBe('#,##0 "€"_);(#,##0 "€")');
    expect(moneyNumberFormat("kr")).toBe('#,##0 "kr"_);(#,##0 "kr")');
    expect(moneyNumberFormat(null)).toBe("#,##0_);(#,##0)");
  });

  it("a round trip: the format it builds carries the currency it was given", () => {
    for (const symbol of ["$", "€", "£", "kr", "CHF", "R$"]) {
      expect(currencyOfFormat(moneyNumberFormat(symbol))?.symbol).toBe(symbol);
    }
  });

  it("a quote in a chosen currency cannot break the format", () => {
    expect(moneyNumberFormat('US"D')).toBe('#,##0 "USD"_);(#,##0 "USD")');
  });
});
