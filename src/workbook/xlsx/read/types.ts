import type { GridValue, SheetRole } from "../../layout";
import type { SourceGrid, TableCandidate } from "../../port";

/**
 * What the reader knows of an opened .xlsx/.xlsm package without reading any sheet's cells: the contract between
 * the reader (src/workbook/xlsx/read/) and the adapter that edits the package. Part names are as the PartSource
 * names them: no leading "/", resolved against the part that refers to them.
 */

export type SheetKind = "worksheet" | "chartsheet" | "macrosheet" | "dialogsheet";

export type SheetState = "visible" | "hidden" | "veryHidden";

/** One `<sheet>` of the workbook part, in the workbook's order (the order of the tabs). */
export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The `r:id` of the `<sheet>`, a relationship of the workbook part. */
  relId: string;
  /** The sheet's part, e.g. "xl/worksheets/sheet1.xml"; null where the relationship or the part is missing. */
  part: string | null;
  state: SheetState;
  kind: SheetKind;
  /** 0-based position among the workbook's sheets: what a defined name's localSheetId counts. */
  position: number;
}

/** One `<definedName>`, in the workbook's order. */
export interface DefinedNameEntry {
  name: string;
  /** 0-based sheet position for a sheet-scoped name; null for a workbook-level one. */
  localSheetId: number | null;
  /** The formula text as stored, e.g. "'AI Allocation'!$A$1" or "Budget!$B$2*12". */
  text: string;
  hidden: boolean;
}

export interface TableColumnEntry {
  id: number;
  name: string;
  /** A calculated column's formula as stored (without "="); null for a column of typed values. */
  calculatedFormula: string | null;
}

/** An Excel table (a table part related to a worksheet). */
export interface TableEntry {
  id: number;
  name: string;
  displayName: string;
  /** The sheet it is on (SheetEntry.name). */
  sheet: string;
  /** The table part, e.g. "xl/tables/table1.xml". */
  part: string;
  /** The `r:id` of its `<tablePart>` in the sheet. */
  relId: string;
  /** A1 range, header and totals rows included, e.g. "B4:I11". */
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  columns: TableColumnEntry[];
}

/** A relationship of a part, its target resolved to a part name (or kept as written where it is external). */
export interface RelationshipEntry {
  id: string;
  /** The type URI as written (transitional or strict). */
  type: string;
  /** A part name for an internal target; the target as written for an external one. */
  target: string;
  external: boolean;
}

export interface ContentTypes {
  /** Extension (lower case, no dot) → content type. */
  defaults: Readonly<Record<string, string>>;
  /** Part name (no leading "/") → content type. */
  overrides: Readonly<Record<string, string>>;
}

export interface WorkbookIndex {
  /** The workbook part the package's root relationship points at, e.g. "xl/workbook.xml". */
  workbookPart: string;
  /** Its relationships part, e.g. "xl/_rels/workbook.xml.rels". */
  workbookRelsPart: string;
  /** The workbook part's content type (says .xlsx, .xlsm, template or add-in). */
  workbookContentType: string | null;
  contentTypes: ContentTypes;
  workbookRelationships: RelationshipEntry[];
  /** ISO/IEC 29500 strict namespaces (http://purl.oclc.org/ooxml/...) rather than transitional ones. */
  strict: boolean;
  date1904: boolean;
  /** `<workbookProtection lockStructure="1">`: sheets may not be added, so the add-in cannot write. */
  lockStructure: boolean;
  /** A VBA project is present (the workbook is an .xlsm and must stay one). */
  hasMacros: boolean;
  sheets: SheetEntry[];
  definedNames: DefinedNameEntry[];
  /** Every sheet's tables, sheet by sheet in the workbook's order, each sheet's in its tableParts order. */
  tables: TableEntry[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

/** What the reader gives the adapter. It is a snapshot of one PartSource: open a new one after the package changes. */
export interface WorkbookReader {
  readonly index: WorkbookIndex;
  /**
   * Excel tables first, then blocks of cells found by the header rule, sheet by sheet; worksheets only, and none of
   * `skipSheets` (the add-in's own sheets and its settings sheet: see `ownSheets` and `settingsSheet`).
   */
  listCandidates(skipSheets: ReadonlySet<string>): TableCandidate[];
  /** A table by name (any case) or a range "Sheet!A1:H20"; throws an XlsxError naming what is not there. */
  readGrid(id: string): SourceGrid;
  /** Cached values of workbook-level names that point at one cell; the others are absent. Keys as asked. */
  readNamedValues(names: readonly string[]): Record<string, GridValue>;
  /** The sheet a workbook-level defined name points at, or null (absent, or no such sheet). */
  sheetOfName(name: string): string | null;
  /** The add-in's sheets, found by their markers (marker.ts), in the roles' order. */
  ownSheets(): { role: SheetRole; name: string }[];
  /** The very hidden sheet the settings marker points at, or null. */
  settingsSheet(): string | null;
  /** The wizard's saved state from the settings sheet; null where none was saved. */
  settings(): string | null;
}

export interface ReaderLimits {
  /** Refuse a part whose text is longer than this many characters (default 1 GiB). */
  maxPartChars?: number;
}
