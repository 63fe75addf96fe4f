import { XlsxError } from "./errors";

/**
 * A pull scanner over one part's XML text: start tags, end tags and text, one at a time, with no tree built, so a
 * sheet of 100,000 rows is read in one pass and the caller can stop as soon as it has what it needs. Measured
 * against saxes (bench/read.ts), it reads a large sheet several times faster, mostly because attributes are only
 * split when asked for and text is only decoded where it holds an entity.
 *
 * It is written for the parts a spreadsheet package holds, and so it is strict where safety needs it and lenient
 * where real writers differ:
 * - a document type declaration is refused: Excel never writes one, and it is how external entities and
 *   entity expansion ("billion laughs") get in; so only the five predefined entities and character references
 *   are ever decoded, and nothing is fetched or expanded;
 * - element names are given without their prefix (`x:c` as .NET writes it reads as `c`); the caller checks the
 *   root's namespace where it matters;
 * - tags must nest and close (the text between them is not checked further); a part that breaks this is named
 *   as damaged.
 */

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 4;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;

function isNameEnd(code: number): boolean {
  // whitespace, "/", ">"
  return code === 32 || code === 9 || code === 10 || code === 13 || code === SLASH || code === GT;
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

export class XmlCursor {
  private pos = 0;
  private readonly stack: string[] = [];
  private attrStart = 0;
  private attrEnd = 0;
  private attrsParsed = false;
  private readonly attrSpans: number[] = [];
  private rawText = "";
  private sawRoot = false;

  /** Local name of the element just opened or closed. */
  name = "";
  /** Full name as written, prefix included. */
  qualifiedName = "";
  /** The element just opened is empty (`<c r="A1"/>`); no CLOSE follows it. */
  selfClosing = false;

  /** `what` names the part for messages: "the sheet \"Budget\"" or "xl/workbook.xml". */
  /** `start` begins the scan inside the text, at a `<` that opens an element (the fast scanners hand over there). */
  constructor(
    private readonly xml: string,
    private readonly what: string,
    start = 0,
  ) {
    this.pos = start;
  }

  /** Where the scan has got to: just after the last token. */
  get position(): number {
    return this.pos;
  }

  /** Depth of open elements (the root is 1 while it is open). */
  get depth(): number {
    return this.stack.length;
  }

  damaged(detail: string, at = this.pos): XlsxError {
    return new XlsxError(
      `The workbook is damaged: ${this.what} is not well-formed XML (${detail}, at character ${at}). ` +
        "Open it in Excel, let Excel repair it, and save it again.",
    );
  }

  next(): Token {
    const xml = this.xml;
    const length = xml.length;
    for (;;) {
      const start = this.pos;
      if (start >= length) {
        if (this.stack.length > 0) throw this.damaged(`<${this.stack[this.stack.length - 1]}> is never closed`);
        if (!this.sawRoot) throw this.damaged("it holds no element");
        return END;
      }
      if (xml.charCodeAt(start) !== LT) {
        const lt = xml.indexOf("<", start);
        const stop = lt < 0 ? length : lt;
        this.pos = stop;
        if (this.stack.length === 0) {
          // Only whitespace may stand outside the root element.
          if (xml.slice(start, stop).trim() !== "") throw this.damaged("text outside the root element");
          continue;
        }
        this.rawText = xml.slice(start, stop);
        return TEXT;
      }
      const second = xml.charCodeAt(start + 1);
      if (second === QUESTION) {
        const end = xml.indexOf("?>", start + 2);
        if (end < 0) throw this.damaged("an unterminated processing instruction");
        this.pos = end + 2;
        continue;
      }
      if (second === BANG) {
        if (xml.startsWith("<!--", start)) {
          const end = xml.indexOf("-->", start + 4);
          if (end < 0) throw this.damaged("an unterminated comment");
          this.pos = end + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", start)) {
          const end = xml.indexOf("]]>", start + 9);
          if (end < 0 || this.stack.length === 0) throw this.damaged("a misplaced CDATA section");
          this.pos = end + 3;
          // CDATA is literal: mark it so `text` does not decode it.
          this.rawText = "\u0000" + xml.slice(start + 9, end);
          return TEXT;
        }
        if (xml.startsWith("<!DOCTYPE", start) || xml.startsWith("<!doctype", start)) {
          throw new XlsxError(
            `The workbook was refused: ${this.what} contains a document type declaration, which Excel never ` +
              "writes and which can make a file read other files or expand without limit. Open it in Excel and " +
              "save it again as .xlsx.",
          );
        }
        throw this.damaged("an unknown declaration");
      }
      if (second === SLASH) {
        const end = xml.indexOf(">", start + 2);
        if (end < 0) throw this.damaged("an unterminated end tag");
        const qualified = xml.slice(start + 2, end).trimEnd();
        const open = this.stack.pop();
        if (open !== qualified) {
          throw this.damaged(
            open === undefined ? `</${qualified}> closes nothing` : `</${qualified}> closes <${open}>`,
          );
        }
        this.pos = end + 1;
        this.setName(qualified);
        return CLOSE;
      }
      // A start tag: its name, then attributes up to ">" outside quotes.
      let i = start + 1;
      while (i < length && !isNameEnd(xml.charCodeAt(i))) i++;
      if (i === start + 1) throw this.damaged("a '<' that starts no tag");
      const qualified = xml.slice(start + 1, i);
      const end = this.tagEnd(i);
      const selfClosing = xml.charCodeAt(end - 1) === SLASH;
      if (this.stack.length === 0 && this.sawRoot) throw this.damaged("a second root element");
      this.sawRoot = true;
      this.attrStart = i;
      this.attrEnd = selfClosing ? end - 1 : end;
      this.attrsParsed = false;
      this.selfClosing = selfClosing;
      this.pos = end + 1;
      this.setName(qualified);
      if (!selfClosing) this.stack.push(qualified);
      return OPEN;
    }
  }

  /** The index of the ">" that ends the tag whose attributes start at `from`, skipping quoted values. */
  private tagEnd(from: number): number {
    const xml = this.xml;
    const gt = xml.indexOf(">", from);
    if (gt < 0) throw this.damaged("an unterminated tag");
    // Most tags hold no ">" inside a value: take the fast path when no quote before it is left open.
    let quote = 0;
    for (let i = from; i < gt; i++) {
      const c = xml.charCodeAt(i);
      if (quote === 0) {
        if (c === 34 || c === 39) quote = c;
      } else if (c === quote) quote = 0;
    }
    if (quote === 0) return gt;
    const close = xml.indexOf(String.fromCharCode(quote), gt);
    if (close < 0) throw this.damaged("an unterminated attribute value");
    return this.tagEnd(close + 1);
  }

  private setName(qualified: string): void {
    this.qualifiedName = qualified;
    const colon = qualified.indexOf(":");
    this.name = colon < 0 ? qualified : qualified.slice(colon + 1);
  }

  /**
   * Finds the current tag's attributes as positions in the text (name start and end, value start and end), four
   * numbers each; nothing is sliced until a value is asked for, which keeps a cell's `r`, `s` and `t` cheap.
   */
  private parseAttributes(): void {
    this.attrsParsed = true;
    const spans = this.attrSpans;
    spans.length = 0;
    const xml = this.xml;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      const c = xml.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      const eq = xml.indexOf("=", i);
      if (eq < 0 || eq >= end) throw this.damaged("an attribute without a value");
      let nameEnd = eq;
      while (nameEnd > i && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let q = eq + 1;
      while (q < end && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
      const close = q < end ? xml.indexOf(xml[q], q + 1) : -1;
      if (close < 0 || close >= end) throw this.damaged(`attribute ${xml.slice(i, nameEnd)} is not quoted`);
      spans.push(i, nameEnd, q + 1, close);
      i = close + 1;
    }
  }

  private nameIs(start: number, end: number, name: string): boolean {
    return end - start === name.length && this.xml.startsWith(name, start);
  }

  /**
   * The value of the current start tag's attribute, decoded, by local name (`r:id` is found as "id" only when no
   * unprefixed "id" is present) or by qualified name where `qualified` is true.
   */
  attr(name: string, qualified = false): string | undefined {
    if (!this.attrsParsed) this.parseAttributes();
    const spans = this.attrSpans;
    for (let k = 0; k < spans.length; k += 4) {
      if (this.nameIs(spans[k], spans[k + 1], name)) return this.decode(this.xml.slice(spans[k + 2], spans[k + 3]));
    }
    if (qualified) return undefined;
    for (let k = 0; k < spans.length; k += 4) {
      const start = spans[k];
      const end = spans[k + 1];
      const colon = this.xml.indexOf(":", start);
      if (colon < 0 || colon >= end || this.xml.startsWith("xmlns", start)) continue;
      if (this.nameIs(colon + 1, end, name)) return this.decode(this.xml.slice(spans[k + 2], spans[k + 3]));
    }
    return undefined;
  }

  /** The attributes of the current start tag as [qualified name, decoded value] pairs. */
  attributes(): [string, string][] {
    if (!this.attrsParsed) this.parseAttributes();
    const pairs: [string, string][] = [];
    const spans = this.attrSpans;
    for (let k = 0; k < spans.length; k += 4) {
      pairs.push([this.xml.slice(spans[k], spans[k + 1]), this.decode(this.xml.slice(spans[k + 2], spans[k + 3]))]);
    }
    return pairs;
  }

  /** The current text token, entities decoded. */
  get text(): string {
    const raw = this.rawText;
    if (raw.charCodeAt(0) === 0) return raw.slice(1).replace(/\r\n?/g, "\n");
    return this.decode(raw);
  }

  /** All text inside the element just opened, up to its end tag (nested elements' text included); skips it. */
  innerText(): string {
    if (this.selfClosing) return "";
    const depth = this.stack.length;
    let text = "";
    for (;;) {
      const token = this.next();
      if (token === TEXT) text += this.text;
      else if (token === CLOSE && this.stack.length < depth) return text;
    }
  }

  /** Skips the rest of the element just opened, up to its end tag. */
  skip(): void {
    if (this.selfClosing) return;
    const depth = this.stack.length;
    for (;;) {
      const token = this.next();
      if (token === CLOSE && this.stack.length < depth) return;
    }
  }

  /**
   * Skips the element just opened by looking for its end tag as text, without scanning what is inside: for an
   * element that cannot hold itself (a sheet's `<row>`), so rows outside a block cost one search each.
   */
  skipFast(): void {
    if (this.selfClosing) return;
    const close = `</${this.qualifiedName}`;
    let at = this.xml.indexOf(close, this.pos);
    while (at >= 0 && !isNameEnd(this.xml.charCodeAt(at + close.length))) at = this.xml.indexOf(close, at + 1);
    if (at < 0) throw this.damaged(`<${this.qualifiedName}> is never closed`);
    const end = this.xml.indexOf(">", at);
    if (end < 0) throw this.damaged("an unterminated end tag");
    this.stack.pop();
    this.pos = end + 1;
  }

  /** Text or an attribute value as written, with line ends and entities decoded (see the class comment). */
  decode(text: string): string {
    // XML's end-of-line handling: a line break written as CR LF or CR reads as LF (a CR by reference stays).
    const raw = text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
    if (raw.indexOf("&") < 0) return raw;
    let out = "";
    let from = 0;
    for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", from)) {
      out += raw.slice(from, amp);
      const semi = raw.indexOf(";", amp + 1);
      if (semi < 0) throw this.damaged("an '&' that starts no entity");
      const entity = raw.slice(amp + 1, semi);
      if (entity.charCodeAt(0) === 35) {
        const code =
          entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        if (!Number.isFinite(code) || code < 0 || code > 0x10ffff)
          throw this.damaged(`a bad character reference &${entity};`);
        out += String.fromCodePoint(code);
      } else {
        const value = PREDEFINED.get(entity);
        if (value === undefined) {
          // Without a document type declaration (refused above) no other entity can be defined.
          throw this.damaged(`an undefined entity &${entity};`);
        }
        out += value;
      }
      from = semi + 1;
    }
    return out + raw.slice(from);
  }
}
