import { cellAddress, columnLetter, columnNumber, parseCellAddress, rangeAddress } from "../../../src/workbook/a1";

describe("A1 addresses", () => {
  it("turns column numbers into letters and back", () => {
    const cases: [number, string][] = [
      [1, "A"],
      [13, "M"],
      [26, "Z"],
      [27, "AA"],
      [52, "AZ"],
      [53, "BA"],
      [702, "ZZ"],
      [703, "AAA"],
      [16384, "XFD"],
    ];
    for (const [n, letters] of cases) {
      expect(columnLetter(n)).toBe(letters);
      expect(columnNumber(letters)).toBe(n);
      expect(columnNumber(letters.toLowerCase())).toBe(n);
    }
  });

  it("refuses what is not a column", () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(columnNumber("A1")).toBeUndefined();
    expect(columnNumber("")).toBeUndefined();
  });

  it("builds cell and range addresses", () => {
    expect(cellAddress(7, 4)).toBe("D7");
    expect(rangeAddress(1, 1, 8, 13)).toBe("A1:M8");
    expect(rangeAddress(5, 3, 12, 10)).toBe("C5:J12");
    expect(() => cellAddress(0, 1)).toThrow(RangeError);
  });

  it("parses a cell address, absolute or not", () => {
    expect(parseCellAddress("D7")).toEqual({ row: 7, column: 4 });
    expect(parseCellAddress("$AA$10")).toEqual({ row: 10, column: 27 });
    expect(parseCellAddress("D0")).toBeUndefined();
    expect(parseCellAddress("7D")).toBeUndefined();
  });
});
