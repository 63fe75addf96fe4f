/**
 * The reading half of the .xlsx adapter: `openReader(parts)` over a package's parts, and what it knows of them.
 * The types file is the contract with the package editor; see types.ts.
 */
export { XlsxError } from "./errors";
export type {
  ContentTypes,
  DefinedNameEntry,
  ReaderLimits,
  RelationshipEntry,
  SheetEntry,
  SheetKind,
  SheetState,
  TableColumnEntry,
  TableEntry,
  WorkbookIndex,
  WorkbookReader,
} from "./types";
export { openReader } from "./workbookReader";
export { readRelationships, relsPartOf, resolveTarget, sourceOfRelsPart } from "./relationships";
export { builtInNumberFormat } from "./styles";
