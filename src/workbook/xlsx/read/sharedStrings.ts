import type { PartSource } from "../package/partSource";
import { CLOSE, END, OPEN, TEXT, XmlCursor } from "./xmlCursor";

/**
 * `_x000D_`-style escapes (ECMA-376 Part 1, 22.9.2.19): how Excel writes characters XML cannot hold in a string
 * (`_x005F_` escapes the underscore itself).
 */
export function unescapeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of an `<si>` or `<is>` the cursor has just opened: its `<t>`, or its rich-text runs' `<t>`s joined;
 * phonetic runs (`<rPh>`, furigana over Japanese text) are a reading aid, not the cell's text, and are left out.
 */
export function readStringItem(cursor: XmlCursor): string {
  if (cursor.selfClosing) return "";
  const depth = cursor.depth;
  let text = "";
  let inText = false;
  let phonetic = 0;
  for (;;) {
    const token = cursor.next();
    if (token === OPEN) {
      if (cursor.name === "rPh") {
        if (!cursor.selfClosing) phonetic++;
      } else if (cursor.name === "t" && phonetic === 0 && !cursor.selfClosing) inText = true;
    } else if (token === TEXT) {
      if (inText) text += cursor.text;
    } else if (token === CLOSE) {
      if (cursor.depth < depth) return unescapeXstring(text);
      if (cursor.name === "rPh") phonetic--;
      else if (cursor.name === "t") inText = false;
    } else if (token === END) {
      return unescapeXstring(text);
    }
  }
}

/**
 * Every shared string, in order: cells refer to them by index. The plain item Excel writes for most strings,
 * `<si><t>text</t></si>`, is cut out of the text directly; any other (rich text, phonetic runs, attributes) is
 * read by the general cursor.
 */
export function readSharedStrings(parts: PartSource, part: string | null): string[] {
  if (part === null) return [];
  const xml = parts.text(part);
  const what = `the shared strings part (${part})`;
  const cursor = new XmlCursor(xml, what);
  let prefix: string | null = null;
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === OPEN) {
      if (cursor.name !== "sst") throw cursor.damaged(`<${cursor.qualifiedName}> where the shared strings belong`);
      if (cursor.selfClosing) return [];
      prefix = cursor.qualifiedName.slice(0, cursor.qualifiedName.length - 3);
      break;
    }
  }
  if (prefix === null) return [];
  const plainStart = `<${prefix}si><${prefix}t>`;
  const plainEnd = `</${prefix}t></${prefix}si>`;
  const strings: string[] = [];
  let pos = cursor.position;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) throw cursor.damaged("<sst> is never closed", pos);
    if (xml.startsWith(plainStart, lt)) {
      const textStart = lt + plainStart.length;
      const textEnd = xml.indexOf("<", textStart);
      if (textEnd >= 0 && xml.startsWith(plainEnd, textEnd)) {
        const raw = xml.slice(textStart, textEnd);
        strings.push(unescapeXstring(raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 ? raw : cursor.decode(raw)));
        pos = textEnd + plainEnd.length;
        continue;
      }
    }
    if (xml.startsWith("<!--", lt) || xml.startsWith("<?", lt)) {
      const close = xml[lt + 1] === "!" ? "-->" : "?>";
      const end = xml.indexOf(close, lt);
      if (end < 0) throw cursor.damaged("an unterminated comment", lt);
      pos = end + close.length;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 47) {
      if (xml.startsWith(`</${prefix}sst`, lt)) return strings;
      throw cursor.damaged("an end tag that closes nothing", lt);
    }
    // Any other item, or an extension, goes to the general cursor.
    const inner = new XmlCursor(xml, what, lt);
    inner.next();
    if (inner.name === "si") strings.push(readStringItem(inner));
    else inner.skip();
    pos = inner.position;
  }
}
