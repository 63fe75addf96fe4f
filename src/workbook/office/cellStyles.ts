import type { CellStyle, LayoutCell } from "../layout";

/**
 * How each layout style looks in Excel, in the conventions of financial models: inputs blue on a light yellow fill
 * (typed over), formulas black, labels and headers bold, notes grey and italic, warnings dark red. One format per
 * style, so the adapter sets it on a run's first cell and fills it down.
 */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  /** "#rrggbb" */
  fontColor?: string;
  fill?: string;
}

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = Object.freeze({
  input: { fontColor: "#0000FF", fill: "#FFF2CC" },
  formula: { fontColor: "#000000" },
  label: { bold: true },
  header: { bold: true, fill: "#D9E1F2" },
  total: { bold: true },
  title: { bold: true },
  note: { italic: true, fontColor: "#595959" },
  warning: { fontColor: "#9C0006" },
});

/** The look of a cell: its style's, bold added where the first version's layouts ask for it. */
export function lookOf(cell: LayoutCell | null | undefined): CellLook | null {
  if (!cell) return null;
  const look: CellLook = { ...(cell.style ? CELL_LOOKS[cell.style] : {}) };
  if (cell.bold) look.bold = true;
  return Object.keys(look).length === 0 ? null : look;
}

/** A key that is equal for two cells exactly when they are formatted alike (number format and look). */
export function formatKey(cell: LayoutCell | null | undefined): string | null {
  const look = lookOf(cell);
  const numberFormat = cell?.numberFormat;
  if (look === null && numberFormat === undefined) return null;
  return JSON.stringify([numberFormat ?? null, look]);
}
