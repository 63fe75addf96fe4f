import type { GridValue } from "../../layout";

/**
 * The non-empty cells of one sheet as one scan found them, in parallel arrays (row, column, style as 32-bit
 * integers, the values in one array): listing a sheet's candidates scans it whole, and reading the table the user
 * then picks takes its cells from here instead of inflating and scanning the sheet again. About 20 bytes a cell,
 * where the sheet's XML takes 35 or more.
 */
export class CellStore {
  private rowsOf = new Int32Array(1024);
  private columnsOf = new Int32Array(1024);
  private stylesOf = new Int32Array(1024);
  private readonly valuesOf: GridValue[] = [];
  length = 0;
  /** Rows came in ascending order, as Excel writes them: a block's first cell can be found by bisection. */
  private ascending = true;

  add(row: number, column: number, value: GridValue, style: number): void {
    if (this.length === this.rowsOf.length) this.grow();
    if (this.length > 0 && row < this.rowsOf[this.length - 1]) this.ascending = false;
    this.rowsOf[this.length] = row;
    this.columnsOf[this.length] = column;
    this.stylesOf[this.length] = style;
    this.valuesOf.push(value);
    this.length++;
  }

  private grow(): void {
    const size = this.length * 2;
    const rows = new Int32Array(size);
    rows.set(this.rowsOf);
    this.rowsOf = rows;
    const columns = new Int32Array(size);
    columns.set(this.columnsOf);
    this.columnsOf = columns;
    const styles = new Int32Array(size);
    styles.set(this.stylesOf);
    this.stylesOf = styles;
  }

  /** Visits the cells of rows `top` to `bottom`, in the order they were added. */
  eachInRows(
    top: number,
    bottom: number,
    visit: (row: number, column: number, value: GridValue, style: number) => void,
  ): void {
    let i = 0;
    if (this.ascending) {
      let high = this.length;
      while (i < high) {
        const middle = (i + high) >>> 1;
        if (this.rowsOf[middle] < top) i = middle + 1;
        else high = middle;
      }
    }
    for (; i < this.length; i++) {
      const row = this.rowsOf[i];
      if (row > bottom) {
        if (this.ascending) return;
        continue;
      }
      if (row >= top) visit(row, this.columnsOf[i], this.valuesOf[i], this.stylesOf[i]);
    }
  }
}
