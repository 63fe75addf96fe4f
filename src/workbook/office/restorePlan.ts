import { parseRange } from "./rect";
import { planKeptTables, type Inventory, type WriteOp, type WritePlan } from "./writePlan";

/**
 * What putting an earlier analysis back takes after a write failed part-way, decided without Excel: Office.js runs
 * a batch's commands up to the one that fails and keeps them, so the adapter undoes each kind of change the plan
 * makes, whichever of them ran.
 */

/** An earlier run's sheet as it was (from the write's first loads) and its tables as they are now. */
export interface RestoreSheet {
  name: string;
  /** The hidden copy of its cells; null where it held none. */
  backup: string | null;
  used: string | null;
  tablesBefore: { name: string; range: string }[];
  tablesNow: { name: string; range: string }[];
}

export interface RestorePlan {
  /** Sheets this run added. */
  dropSheets: string[];
  /** Names this run added (the new sheets' markers, the layout's names), where they exist now. */
  dropNames: string[];
  /** Names this run updated: their formulas before. */
  resetNames: { name: string; formula: string }[];
  /** Names this run dropped, where they are gone now. */
  addNames: { name: string; formula: string }[];
  /** Per earlier sheet (numbered as `sheets`): tables dropped or resized back, the sheet cleared. */
  tablesBefore: WriteOp[];
  /** Tables added back once the cells are copied back. */
  tablesAfter: WriteOp[];
}

export function planRestore(
  plan: WritePlan,
  inventory: Inventory,
  sheets: readonly RestoreSheet[],
  namesNow: readonly string[],
): RestorePlan {
  const now = new Set(namesNow.map((n) => n.toLowerCase()));
  const ops = plan.requests.flat();
  const formulaBefore = (name: string) =>
    inventory.names.find((n) => n.name.toLowerCase() === name.toLowerCase())?.formula;
  const added = [
    ...plan.sheets.filter((s) => !s.existing).map((s) => s.marker),
    ...ops.flatMap((op) => (op.kind === "name" && op.change === "add" ? [op.name] : [])),
  ];
  const resetNames = ops.flatMap((op) => {
    const formula = op.kind === "name" && op.change === "update" ? formulaBefore(op.name) : undefined;
    return op.kind === "name" && formula !== undefined ? [{ name: op.name, formula }] : [];
  });
  const addNames = ops.flatMap((op) => {
    const formula = op.kind === "dropName" && !now.has(op.name.toLowerCase()) ? formulaBefore(op.name) : undefined;
    return op.kind === "dropName" && formula !== undefined ? [{ name: op.name, formula }] : [];
  });
  const tablesBefore: WriteOp[] = [];
  const tablesAfter: WriteOp[] = [];
  sheets.forEach((sheet, i) => {
    const tables = planKeptTables(
      i,
      sheet.tablesNow.map((t) => ({ name: t.name, rect: parseRange(t.range) })),
      sheet.tablesBefore.map((t) => ({ name: t.name, rect: parseRange(t.range) })),
    );
    tablesBefore.push(...tables.prep);
    tablesAfter.push(...tables.add);
  });
  return {
    dropSheets: plan.sheets.filter((s) => !s.existing).map((s) => s.name),
    dropNames: added.filter((n) => now.has(n.toLowerCase())),
    resetNames,
    addNames,
    tablesBefore,
    tablesAfter,
  };
}
