/** Text for the XML the add-in writes by hand. */

/** Escapes text for element content and attribute values (double-quoted). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/**
 * Text for a SpreadsheetML string (<t>, a table column's name): characters XML 1.0 cannot hold are written as
 * Excel's `_xHHHH_` escapes, and a literal "_x0041_" in the text is protected the same way so it reads back as
 * typed.
 */
/** Characters XML 1.0 cannot hold: the C0 controls but tab, newline and return, and U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = new RegExp("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]", "g");

export function spreadsheetText(text: string): string {
  const escaped = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  // A lone surrogate is no XML character either.
  return escapeXml(
    escaped.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
  );
}

/** An edit of a text: the span [from, to) replaced by `insert` (from === to inserts). */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** Applies edits that do not overlap; edits at the same offset keep the order they were given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.from - b.from || a.i - b.i);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.from < at) throw new RangeError("overlapping edits");
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  return out + text.slice(at);
}
