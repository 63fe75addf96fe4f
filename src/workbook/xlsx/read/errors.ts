/**
 * A workbook that cannot be opened, a part that is refused, or a table that cannot be found. The message is for
 * the user: it says what the file or the reference is and what to do, and never carries a library's own text.
 */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}
