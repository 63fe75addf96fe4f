/**
 * What the playground says when a file does not open: the adapter's own message where it wrote one for people
 * (an XlsxError names what the file is and what to do), never a library's text, stack or URL.
 */
const PLAIN =
  "This file could not be opened as an Excel workbook (.xlsx). Open it in Excel (or LibreOffice) and save it as an " +
  "Excel Workbook (.xlsx), then open that copy here.";

export function openErrorMessage(error: unknown): string {
  if (!(error instanceof Error) || error.name !== "XlsxError" || error.message.trim() === "") return PLAIN;
  const text = error.message
    // The first adapter appended the zip library's words in brackets: they help no one here.
    .replace(/\s*\(Details:[^)]*\)\s*$/s, "")
    .replace(/\bhttps?:\/\/\S+/g, "")
    .trim();
  return text === "" ? PLAIN : text;
}
