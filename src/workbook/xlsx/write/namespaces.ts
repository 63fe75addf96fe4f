/**
 * The namespaces and relationship types of the parts the add-in writes, in the package's own conformance class:
 * a strict workbook (ISO/IEC 29500 strict, http://purl.oclc.org/ooxml/...) gets strict parts, any other the
 * transitional ones Excel writes by default. Content types and the package's own namespaces are the same in both.
 */
export interface Namespaces {
  strict: boolean;
  main: string;
  relationships: string;
  drawingMain: string;
  chart: string;
  spreadsheetDrawing: string;
  /** Relationship type URIs by the kind of part they point at. */
  relType(kind: "worksheet" | "table" | "drawing" | "chart" | "styles" | "officeDocument"): string;
}

const TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export function namespacesFor(strict: boolean): Namespaces {
  const rel = strict ? STRICT_REL : TRANSITIONAL_REL;
  return {
    strict,
    main: strict
      ? "http://purl.oclc.org/ooxml/spreadsheetml/main"
      : "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    relationships: rel,
    drawingMain: strict
      ? "http://purl.oclc.org/ooxml/drawingml/main"
      : "http://schemas.openxmlformats.org/drawingml/2006/main",
    chart: strict
      ? "http://purl.oclc.org/ooxml/drawingml/chart"
      : "http://schemas.openxmlformats.org/drawingml/2006/chart",
    spreadsheetDrawing: strict
      ? "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"
      : "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    relType: (kind) => `${rel}/${kind}`,
  };
}

export const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

export const XML_HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
