import type { GridValue } from "../../layout";
import { XlsxError } from "./errors";
import { readStringItem, unescapeXstring } from "./sharedStrings";
import { END, OPEN, XmlCursor } from "./xmlCursor";

/**
 * A worksheet's cells, streamed: one pass over `<sheetData>`, each cell handed to the caller as the value it shows
 * and then forgotten, so memory does not grow with the sheet. Nothing is allocated by the sheet's `<dimension>`
 * (a sheet may claim A1:XFD1048576 and hold ten cells), and rows outside the rows asked for are skipped unread.
 */

/** What a cell value needs from the rest of the workbook. */
export interface CellContext {
  /** The shared strings, loaded on the first cell that needs them. */
  sharedStrings(): readonly string[];
  date1904: boolean;
}

/** Return true to stop the scan. */
export type CellVisitor = (row: number, column: number, value: GridValue, style: number) => boolean | void;

export interface RowRange {
  /** First row wanted (1-based); rows above it are skipped unread. */
  from?: number;
  /** Last row wanted; the scan ends after it (rows are in ascending order, as Excel requires). */
  to?: number;
}

const MS_PER_DAY = 86_400_000;
/** Excel's serial day of 1970-01-01 in the 1900 date system, and how far the 1904 system is behind it. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

/** A `t="d"` cell's ISO 8601 date as the serial day number the workbook's date system gives it. */
function isoDateSerial(text: string, date1904: boolean): GridValue {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
      ? text
      : `${text}Z`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return text;
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return date1904 ? serial - DAYS_1900_TO_1904 : serial;
}

/** "B12" at text[from, to) → column 2 and row 12, without building a string; [0, 0] where it is not one. */
function parseReference(text: string, from: number, to: number): [number, number] {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  let row = 0;
  for (; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return [0, 0];
    row = row * 10 + d;
  }
  return [column, row];
}

/** Digits at text[from, to) as a number (a style index); NaN where there is anything else. */
function wholeNumber(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return to > from ? n : NaN;
}

/** A cell of no type: a number, or its text where it is none (null for an empty value). */
function plainNumber(raw: string): GridValue {
  const n = Number(raw);
  // Number("") and Number("  ") are 0: an empty value is no number.
  if (Number.isFinite(n) && (n !== 0 || raw.trim() !== "")) return n;
  return raw.trim() === "" ? null : raw;
}

function cellValue(
  type: string | undefined,
  raw: string | null,
  inline: string | null,
  context: CellContext,
  what: string,
  reference: () => string,
): GridValue {
  if (inline !== null && (type === "inlineStr" || raw === null)) return inline;
  if (raw === null) return null;
  switch (type) {
    case "s": {
      const index = Number(raw);
      const strings = context.sharedStrings();
      if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
        throw new XlsxError(
          `The workbook is damaged: cell ${reference()} of ${what} refers to shared string ${raw.trim()}, which does ` +
            "not exist. Open it in Excel, let Excel repair it, and save it again.",
        );
      }
      return strings[index];
    }
    case "str":
    case "inlineStr":
      return unescapeXstring(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: raw.trim() };
    case "d":
      return isoDateSerial(raw.trim(), context.date1904);
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** After an element's name: whitespace, "/" or ">". */
function endsName(code: number): boolean {
  return isSpace(code) || code === SLASH || code === GT;
}

/**
 * The scan inside `<sheetData>`, by hand over the text: a sheet is rows of cells and nothing else, so the scanner
 * looks only for the tags that can be there (with the prefix `<sheetData>` was written with), takes a tag's
 * one-letter attributes (`r`, `s`, `t`) where they stand without slicing the others, and cuts a `<v>`'s text out
 * in one piece. This is what makes a 100,000-row sheet quick (bench/read.ts measures it against saxes and against
 * the general cursor); anything unusual inside a cell (an inline string, an extension) goes to the general cursor.
 */
class SheetDataScanner {
  pos: number;
  /** Start and end of the last tag's `r`, `s` and `t` values (-1 where absent), and whether it closed itself. */
  r0 = -1;
  r1 = -1;
  s0 = -1;
  s1 = -1;
  t0 = -1;
  t1 = -1;
  selfClosing = false;
  /** The last cell's `<v>` text and inline string. */
  raw: string | null = null;
  inline: string | null = null;
  private readonly valueTag: string;
  private readonly formulaTag: string;
  private readonly inlineTag: string;
  private readonly cellEnd: string;
  private readonly valueEnd: string;
  private readonly formulaEnd: string;

  constructor(
    private readonly xml: string,
    private readonly cursor: XmlCursor,
    private readonly what: string,
    prefix: string,
  ) {
    this.pos = cursor.position;
    this.valueTag = `<${prefix}v`;
    this.formulaTag = `<${prefix}f`;
    this.inlineTag = `<${prefix}is`;
    this.cellEnd = `</${prefix}c`;
    this.valueEnd = `</${prefix}v`;
    this.formulaEnd = `</${prefix}f`;
  }

  damaged(detail: string, at = this.pos): XlsxError {
    return this.cursor.damaged(detail, at);
  }

  /** Whether the tag at `at` is `tag` (a name that ends there, not a longer one). */
  isTag(at: number, tag: string): boolean {
    return this.xml.startsWith(tag, at) && endsName(this.xml.charCodeAt(at + tag.length));
  }

  /** Reads the attributes of the tag whose name ends at `from`, up to its ">"; sets r, s, t and selfClosing. */
  readTag(from: number): void {
    const xml = this.xml;
    this.r0 = this.s0 = this.t0 = -1;
    let i = from;
    for (;;) {
      let c = xml.charCodeAt(i);
      while (isSpace(c)) c = xml.charCodeAt(++i);
      if (c === GT) {
        this.selfClosing = false;
        this.pos = i + 1;
        return;
      }
      if (c === SLASH && xml.charCodeAt(i + 1) === GT) {
        this.selfClosing = true;
        this.pos = i + 2;
        return;
      }
      if (Number.isNaN(c)) throw this.damaged("an unterminated tag", from);
      const nameStart = i;
      while (c !== EQUALS && !isSpace(c) && !Number.isNaN(c) && c !== GT) c = xml.charCodeAt(++i);
      const nameEnd = i;
      while (isSpace(c)) c = xml.charCodeAt(++i);
      if (c !== EQUALS) throw this.damaged("an attribute without a value", nameStart);
      c = xml.charCodeAt(++i);
      while (isSpace(c)) c = xml.charCodeAt(++i);
      if (c !== QUOTE && c !== APOSTROPHE) throw this.damaged("an attribute that is not quoted", nameStart);
      const close = xml.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close < 0) throw this.damaged("an unterminated attribute value", nameStart);
      if (nameEnd - nameStart === 1) {
        const letter = xml.charCodeAt(nameStart);
        if (letter === 114)
          ((this.r0 = i + 1), (this.r1 = close)); // r
        else if (letter === 115)
          ((this.s0 = i + 1), (this.s1 = close)); // s
        else if (letter === 116) ((this.t0 = i + 1), (this.t1 = close)); // t
      }
      i = close + 1;
    }
  }

  /**
   * The text of the element whose start tag (at `tagStart`) has just been read, up to its end tag `end`, decoded;
   * moves past the end tag. Text in one piece is cut out directly; anything else (a CDATA section, a comment) goes
   * to the general cursor.
   */
  textUntil(end: string, tagStart: number): string {
    const xml = this.xml;
    const lt = xml.indexOf("<", this.pos);
    if (lt < 0 || !this.isTag(lt, end)) {
      const inner = new XmlCursor(xml, this.what, tagStart);
      inner.next();
      const text = inner.innerText();
      this.pos = inner.position;
      return text;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw this.damaged("an unterminated end tag", lt);
    const raw = xml.slice(this.pos, lt);
    this.pos = gt + 1;
    return raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 ? raw : this.cursor.decode(raw);
  }

  /** Moves past the element that starts at `tagStart` (an extension), nested ones included. */
  skipElement(tagStart: number): void {
    const inner = new XmlCursor(this.xml, this.what, tagStart);
    inner.next();
    inner.skip();
    this.pos = inner.position;
  }

  /** The next "<" at or after `pos`, skipping comments. */
  nextTag(): number {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) throw this.damaged("<sheetData> is never closed");
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw this.damaged("an unterminated comment", lt);
        this.pos = end + 3;
        continue;
      }
      for (let i = this.pos; i < lt; i++) {
        if (!isSpace(xml.charCodeAt(i))) throw this.damaged("text between a sheet's rows or cells", i);
      }
      return lt;
    }
  }

  /**
   * Reads one cell whose start tag has been read into `raw` (its `<v>` as written) and `inline` (its inline
   * string), null where absent. Leaves `pos` after the cell's end tag.
   */
  cellContent(): void {
    this.raw = null;
    this.inline = null;
    if (this.selfClosing) return;
    for (;;) {
      const lt = this.nextTag();
      if (this.isTag(lt, this.cellEnd)) {
        const gt = this.xml.indexOf(">", lt);
        this.pos = gt + 1;
        return;
      }
      if (this.isTag(lt, this.valueTag)) {
        this.readTag(lt + this.valueTag.length);
        this.raw = this.selfClosing ? "" : this.textUntil(this.valueEnd, lt);
      } else if (this.isTag(lt, this.formulaTag)) {
        // The formula: the cell shows its cached <v>, read above or below.
        this.readTag(lt + this.formulaTag.length);
        if (!this.selfClosing) this.pos = this.endTagAfter(this.formulaEnd, lt);
      } else if (this.isTag(lt, this.inlineTag)) {
        const inner = new XmlCursor(this.xml, this.what, lt);
        inner.next();
        this.inline = readStringItem(inner);
        this.pos = inner.position;
      } else if (this.xml.charCodeAt(lt + 1) === SLASH) {
        throw this.damaged("an end tag that closes no element of the cell", lt);
      } else {
        this.skipElement(lt);
      }
    }
  }

  /** Just past the first end tag `end` (e.g. "</f") after `from`: for elements that cannot hold themselves. */
  endTagAfter(end: string, from: number): number {
    let at = this.xml.indexOf(end, this.pos);
    while (at >= 0 && !endsName(this.xml.charCodeAt(at + end.length))) at = this.xml.indexOf(end, at + 1);
    const gt = at < 0 ? -1 : this.xml.indexOf(">", at);
    if (gt < 0) throw this.damaged(`<${end.slice(2)}> is never closed`, from);
    return gt + 1;
  }
}

/**
 * Visits the cells of a worksheet part's text that hold a value (a styled empty cell is not visited), row by row,
 * left to right. `what` names the sheet in messages.
 */
export function scanCells(
  xml: string,
  what: string,
  context: CellContext,
  visit: CellVisitor,
  rows: RowRange = {},
): void {
  const from = rows.from ?? 1;
  const to = rows.to ?? Infinity;
  // The general cursor up to <sheetData> (it checks the root and refuses a document type declaration), the
  // sheet scanner inside it; nothing after it is read.
  const cursor = new XmlCursor(xml, what);
  let prefix: string | null = null;
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === OPEN && cursor.name === "sheetData") {
      if (cursor.selfClosing) return;
      prefix = cursor.qualifiedName.slice(0, cursor.qualifiedName.length - "sheetData".length);
      break;
    }
  }
  if (prefix === null) return;
  const scan = new SheetDataScanner(xml, cursor, what, prefix);
  const sheetDataEnd = `</${prefix}sheetData`;
  const rowTag = `<${prefix}row`;
  const cellTag = `<${prefix}c`;
  const rowEnd = `</${prefix}row`;
  let row = 0;
  let column = 0;
  let inRow = false;
  for (;;) {
    const lt = scan.nextTag();
    if (xml.charCodeAt(lt + 1) === SLASH) {
      if (scan.isTag(lt, rowEnd) && inRow) {
        inRow = false;
        scan.pos = xml.indexOf(">", lt) + 1;
        continue;
      }
      if (scan.isTag(lt, sheetDataEnd) && !inRow) return;
      throw scan.damaged(inRow ? "a row that is never closed" : "an end tag that closes nothing", lt);
    }
    if (scan.isTag(lt, rowTag)) {
      if (inRow) throw scan.damaged("a row inside a row", lt);
      scan.readTag(lt + rowTag.length);
      row = scan.r0 < 0 ? row + 1 : Number(xml.slice(scan.r0, scan.r1));
      column = 0;
      if (!Number.isInteger(row) || row < 1) throw scan.damaged("a row without a row number", lt);
      if (row > to) return;
      inRow = !scan.selfClosing;
      if (inRow && row < from) {
        // Rows above the block: their end tag is found by search, their cells are never looked at.
        scan.pos = scan.endTagAfter(rowEnd, lt);
        inRow = false;
      }
      continue;
    }
    if (scan.isTag(lt, cellTag)) {
      if (!inRow) throw scan.damaged("a cell outside a row", lt);
      scan.readTag(lt + cellTag.length);
      if (scan.r0 >= 0) {
        const [c, r] = parseReference(xml, scan.r0, scan.r1);
        column = c > 0 ? c : column + 1;
        if (r > 0 && r !== row) {
          row = r;
          if (row > to) return;
        }
      } else column++;
      const type = scan.t0 < 0 ? undefined : xml.slice(scan.t0, scan.t1);
      const style = scan.s0 < 0 ? 0 : wholeNumber(xml, scan.s0, scan.s1);
      scan.cellContent();
      const { raw, inline } = scan;
      if (row < from) continue;
      const value =
        type === undefined && raw !== null && inline === null
          ? plainNumber(raw)
          : cellValue(type, raw, inline, context, what, () =>
              scan.r0 >= 0 ? xml.slice(scan.r0, scan.r1) : `in row ${row}`,
            );
      if (value === null) continue;
      if (visit(row, column, value, style) === true) return;
      continue;
    }
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end < 0) throw scan.damaged("an unterminated processing instruction", lt);
      scan.pos = end + 2;
      continue;
    }
    // Another element (a row's extension list): skipped whole.
    scan.skipElement(lt);
  }
}
