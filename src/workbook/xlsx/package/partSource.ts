/**
 * The parts of an opened OPC package (an .xlsx/.xlsm zip), as the reader sees them: by part name, decompressed,
 * read only when asked. The package layer implements it over the zip; the reader never sees the zip itself, so
 * the parts it does not need are never inflated.
 */
export interface PartSource {
  /** Part names as stored in the zip (no leading "/"), in the zip's order. */
  names(): readonly string[];
  has(name: string): boolean;
  /** The part's bytes, decompressed; throws a PackageError for a part that is missing or too large. */
  bytes(name: string): Uint8Array;
  /** The part as UTF-8 text (a BOM dropped). */
  text(name: string): string;
}
