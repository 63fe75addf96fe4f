import type { PartSource } from "../package/partSource";
import { CLOSE, END, OPEN, XmlCursor } from "./xmlCursor";

/**
 * Number formats Excel knows by id without writing them into styles.xml (ECMA-376 Part 1, 18.8.30). Ids 5 to 8
 * are the locale's currency formats; they are given as Excel writes them for an en-US workbook.
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The format code of a built-in number format id, or null for an id Excel defines by locale only. */
export function builtInNumberFormat(id: number): string | null {
  return BUILT_IN[id] ?? null;
}

/**
 * The number format code of each cell format (`cellXfs`, by the index a cell's `s` attribute gives), custom
 * formats from `<numFmts>` and built-in ones by id; null where the format is General or unknown.
 */
export function readCellFormats(parts: PartSource, part: string | null): (string | null)[] {
  if (part === null) return [];
  const cursor = new XmlCursor(parts.text(part), `the styles part (${part})`);
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let section = "";
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === CLOSE) {
      if (cursor.depth === 1) section = "";
      continue;
    }
    if (token !== OPEN) continue;
    const depth = cursor.selfClosing ? cursor.depth + 1 : cursor.depth;
    if (depth === 2) {
      section = cursor.selfClosing ? "" : cursor.name;
    } else if (depth === 3 && section === "numFmts" && cursor.name === "numFmt") {
      const id = Number(cursor.attr("numFmtId"));
      const code = cursor.attr("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (depth === 3 && section === "cellXfs" && cursor.name === "xf") {
      formatIds.push(Number(cursor.attr("numFmtId") ?? 0));
    }
  }
  return formatIds.map((id) => {
    const code = custom.get(id) ?? builtInNumberFormat(id);
    return code === null || code.toLowerCase() === "general" ? null : code;
  });
}
