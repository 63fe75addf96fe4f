import type { CellStyle } from "../../layout";
import { childNamed, childrenNamed, parseXmlIndex, type XmlElement } from "../package/xmlIndex";
import { XML_HEADER } from "./namespaces";
import { applyEdits, escapeXml, type TextEdit } from "./xmlText";

/**
 * The cell formats of the add-in's cells, added to the workbook's styles part at the end of each list (fonts,
 * fills, number formats, cell formats), so every index the user's cells and dxfs refer to keeps its meaning; the
 * counts follow. One cell format per (style, number format) pair. A format the add-in added on an earlier run is
 * found again by its exact text and reused, so re-runs do not grow the part.
 *
 * The fonts keep the workbook's default font (its first font's name, size, family and scheme), with only the
 * weight, slant or colour of the style changed: the add-in's sheets look like the rest of the workbook.
 */

interface Look {
  bold?: boolean;
  italic?: boolean;
  /** ARGB. */
  color?: string;
  fill?: string;
}

const INPUT_FILL = "FFDDEBF7";
const INPUT_BLUE = "FF0000FF";
const NOTE_GREY = "FF595959";
const WARNING_RED = "FF9C0006";

const LOOKS: Record<CellStyle, Look> = {
  input: { color: INPUT_BLUE, fill: INPUT_FILL },
  formula: {},
  label: { bold: true },
  header: { bold: true },
  total: { bold: true },
  title: { bold: true },
  note: { italic: true, color: NOTE_GREY },
  warning: { color: WARNING_RED },
};

/** Schema order of the styleSheet's children, for a list the part does not have yet. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/**
 * Built-in formats that read the same in every locale, written by id as Excel does; any other code (currency,
 * dates) gets its own numFmt, so it shows the same wherever the file is opened.
 */
const BUILT_IN_IDS: ReadonlyMap<string, number> = new Map([
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["@", 49],
]);

/** The lowest id a number format of one's own may take; 0–163 are Excel's built-in ones. */
const FIRST_CUSTOM_FORMAT = 164;

interface List {
  name: string;
  element: XmlElement | undefined;
  /** The raw text of each existing child, to find the add-in's own again. */
  existing: string[];
  added: string[];
}

export class StyleBook {
  private readonly lists = new Map<string, List>();
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly xfs = new Map<string, number>();
  private readonly defaultFont: string;
  private readonly styleXf: boolean;

  constructor(
    private readonly text: string,
    private readonly part: string,
  ) {
    const { root } = parseXmlIndex(text, part);
    this.root = root;
    this.prefix = root.prefix ? `${root.prefix}:` : "";
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) {
      const element = childNamed(root, name);
      this.lists.set(name, {
        name,
        element,
        existing: element ? element.children.map((c) => text.slice(c.start, c.end)) : [],
        added: [],
      });
    }
    let maxId = FIRST_CUSTOM_FORMAT - 1;
    for (const numFmt of childrenNamed(childNamed(root, "numFmts") ?? root, "numFmt")) {
      const id = Number(numFmt.attributes.numFmtId);
      const code = numFmt.attributes.formatCode;
      if (Number.isInteger(id)) maxId = Math.max(maxId, id);
      if (code !== undefined && Number.isInteger(id) && !this.formatIds.has(code)) this.formatIds.set(code, id);
    }
    this.nextFormatId = maxId + 1;
    const first = childNamed(root, "fonts")?.children[0];
    this.defaultFont = first
      ? first.children
          .filter((c) => ["sz", "name", "family", "charset", "scheme"].includes(c.local))
          .map((c) => text.slice(c.start, c.end))
          .join("")
      : "";
    this.styleXf = (childNamed(root, "cellStyleXfs")?.children.length ?? 0) > 0;
    this.fontsAvailable = (childNamed(root, "fonts")?.children.length ?? 0) > 0;
    this.fillsAvailable = (childNamed(root, "fills")?.children.length ?? 0) >= 2;
  }

  private readonly fontsAvailable: boolean;
  private readonly fillsAvailable: boolean;

  /** The index of `item` in the list: an existing equal record, else a new one at the end. */
  private indexOf(name: string, item: string): number {
    const list = this.lists.get(name)!;
    const existing = list.existing.indexOf(item);
    if (existing >= 0) return existing;
    const added = list.added.indexOf(item);
    if (added >= 0) return list.existing.length + added;
    list.added.push(item);
    return list.existing.length + list.added.length - 1;
  }

  private numberFormatId(code: string | undefined): number {
    if (code === undefined || code === "" || code === "General") return 0;
    const builtIn = BUILT_IN_IDS.get(code);
    if (builtIn !== undefined) return builtIn;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.lists.get("numFmts")!.added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fontId(look: Look): number {
    if (!look.bold && !look.italic && !look.color) return 0;
    const p = this.prefix;
    const font =
      `<${p}font>${look.bold ? `<${p}b/>` : ""}${look.italic ? `<${p}i/>` : ""}` +
      `${look.color ? `<${p}color rgb="${look.color}"/>` : ""}${this.defaultFont}</${p}font>`;
    return this.indexOf("fonts", font);
  }

  private fillId(look: Look): number {
    if (!look.fill) return 0;
    const p = this.prefix;
    return this.indexOf(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The cell format (the `s` of a cell) for a style and number format; 0 where neither changes anything. */
  xf(style: CellStyle | undefined, numberFormat: string | undefined, bold = false): number {
    const key = `${style ?? ""}\u0000${numberFormat ?? ""}\u0000${bold ? 1 : 0}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const look: Look = { ...(style ? LOOKS[style] : {}) };
    if (bold) look.bold = true;
    const numFmtId = this.numberFormatId(numberFormat);
    // A workbook whose styles lack the lists the schema requires cannot be given fonts or fills without
    // rebuilding them; its cells keep the defaults, and only the number formats are added.
    const fontId = this.fontsAvailable ? this.fontId(look) : 0;
    const fillId = this.fillsAvailable ? this.fillId(look) : 0;
    const p = this.prefix;
    const id =
      numFmtId === 0 && fontId === 0 && fillId === 0
        ? 0
        : this.indexOf(
            "cellXfs",
            `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0"` +
              `${this.styleXf ? ` xfId="0"` : ""}${numFmtId ? ` applyNumberFormat="1"` : ""}` +
              `${fontId ? ` applyFont="1"` : ""}${fillId ? ` applyFill="1"` : ""}/>`,
          );
    this.xfs.set(key, id);
    return id;
  }

  /** True where something was added: the part must then be written again. */
  changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** The styles part with the additions: each list's new records before its end tag, its count raised. */
  result(): string {
    const edits: TextEdit[] = [];
    const p = this.prefix;
    for (const list of this.lists.values()) {
      if (list.added.length === 0) continue;
      const count = list.existing.length + list.added.length;
      const element = list.element;
      if (!element) {
        const at = this.insertionPoint(list.name);
        edits.push({
          from: at,
          to: at,
          insert: `<${p}${list.name} count="${count}">${list.added.join("")}</${p}${list.name}>`,
        });
        continue;
      }
      const openTag = this.text.slice(element.start, element.openEnd);
      const withCount = /\scount\s*=\s*("[^"]*"|'[^']*')/.test(openTag)
        ? openTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`)
        : openTag.replace(/(\/?>)$/, ` count="${count}"$1`);
      if (element.selfClosing) {
        edits.push({
          from: element.start,
          to: element.end,
          insert: `${withCount.replace(/\s*\/>$/, ">")}${list.added.join("")}</${element.qname}>`,
        });
      } else {
        edits.push({ from: element.start, to: element.openEnd, insert: withCount });
        edits.push({ from: element.closeStart, to: element.closeStart, insert: list.added.join("") });
      }
    }
    return applyEdits(this.text, edits);
  }

  /** Where a missing list goes: after the last list that the schema puts before it. */
  private insertionPoint(name: string): number {
    const before = ORDER.slice(0, ORDER.indexOf(name));
    const previous = this.root.children.filter((c) => before.includes(c.local)).pop();
    if (previous) return previous.end;
    if (this.root.selfClosing) throw new RangeError("empty styles part");
    return this.root.openEnd;
  }

  get partName(): string {
    return this.part;
  }
}

/** A styles part for a workbook that has none, or one made from nothing: what Excel itself writes at the least. */
export function newStylesXml(mainNs: string): string {
  return (
    XML_HEADER +
    `<styleSheet xmlns="${mainNs}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`
  );
}
