import type { PartSource } from "../package/partSource";
import { XlsxError } from "./errors";
import type { ReaderLimits, WorkbookReader } from "./types";

/** Opens the reader over a package's parts: reads the workbook index now, each sheet's cells only when asked. */
export function openReader(parts: PartSource, limits: ReaderLimits = {}): WorkbookReader {
  void parts;
  void limits;
  throw new XlsxError("The .xlsx reader is being built.");
}
