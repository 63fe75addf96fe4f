/** A table that cannot be read at all: no header row, a required column missing, no rows. Its message is for the user. */
export class TableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableError";
  }
}
