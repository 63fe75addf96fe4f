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

/** Every shared string, in order: cells refer to them by index. */
export function readSharedStrings(parts: PartSource, part: string | null): string[] {
  if (part === null) return [];
  const cursor = new XmlCursor(parts.text(part), `the shared strings part (${part})`);
  const strings: string[] = [];
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === OPEN && cursor.name === "si") strings.push(readStringItem(cursor));
  }
  return strings;
}
