import type { LayoutCell, LayoutChart } from "../layout";
import { chartPartXml, drawingPartXml, escapeXml } from "./chartXml";
import { relationships, relsPartOf, sheetPartsOf } from "./packageXml";
import { entryText, readEntries, textEntry, writeEntries, ZipError } from "./zipEdit";

/**
 * ExcelJS writes no charts, so after it has saved the workbook the charts are added to the file: a chart part,
 * a drawing that places it, and the relationships and content types that tie them to their sheet.
 */

export interface ChartToDraw {
  sheet: string;
  chart: LayoutChart;
  /** The sheet's layout rows, for the cached values the chart shows before any recalculation. */
  rows: readonly (LayoutCell | null)[][];
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWING_REL = `${REL_NS}/drawing`;
const CHART_REL = `${REL_NS}/chart`;
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const EMPTY_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

function withRelationship(xml: string, id: string, type: string, target: string): string {
  return xml.replace(
    /<\/Relationships>\s*$/,
    `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>`,
  );
}

function freeId(xml: string, base: string): string {
  const taken = new Set(relationships(xml).map((r) => r.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The worksheet elements that must come after <drawing>, in the schema's order. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function withDrawing(sheetXml: string, relId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new ZipError("the sheet already has a drawing");
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_NS}"`);
  const element = `<drawing r:id="${relId}"/>`;
  const positions = AFTER_DRAWING.map((name) => xml.search(new RegExp(`<${name}\\b`))).filter((i) => i >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : xml.lastIndexOf("</worksheet>");
  if (at < 0) throw new ZipError("the sheet has no closing tag");
  return xml.slice(0, at) + element + xml.slice(at);
}

function nextNumber(names: string[], pattern: RegExp): number {
  return names.reduce((max, name) => Math.max(max, Number(pattern.exec(name)?.[1] ?? 0)), 0) + 1;
}

export async function addCharts(bytes: Uint8Array, charts: readonly ChartToDraw[]): Promise<Uint8Array> {
  if (charts.length === 0) return bytes;
  const entries = readEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = async (name: string): Promise<string | null> => {
    const entry = byName.get(name);
    return entry ? entryText(entry) : null;
  };
  const replaced = new Map<string, string>();
  const read = async (name: string) => replaced.get(name) ?? (await text(name));

  const workbookXml = await read("xl/workbook.xml");
  const workbookRels = await read("xl/_rels/workbook.xml.rels");
  let contentTypes = await read("[Content_Types].xml");
  if (workbookXml === null || workbookRels === null || contentTypes === null) {
    throw new ZipError("not a workbook ExcelJS wrote");
  }
  const names = entries.map((e) => e.name);
  let drawingNumber = nextNumber(names, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNumber = nextNumber(names, /^xl\/charts\/chart(\d+)\.xml$/);
  const added = new Map<string, string>();

  for (const { sheet, chart, rows } of charts) {
    const sheetPart = sheetPartsOf(workbookXml, workbookRels).get(sheet);
    if (!sheetPart) throw new ZipError(`no part for the sheet ${sheet}`);
    const sheetRelsPart = relsPartOf(sheetPart);
    const sheetXml = await read(sheetPart);
    if (sheetXml === null) throw new ZipError(`the part ${sheetPart} is missing`);

    const drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;
    const chartPart = `xl/charts/chart${chartNumber++}.xml`;
    const sheetRels = (await read(sheetRelsPart)) ?? EMPTY_RELS;
    const drawingRelId = freeId(sheetRels, "rIdDrawing");
    replaced.set(
      sheetRelsPart,
      withRelationship(sheetRels, drawingRelId, DRAWING_REL, `../drawings/${drawingPart.split("/").pop()}`),
    );
    replaced.set(sheetPart, withDrawing(sheetXml, drawingRelId));
    added.set(drawingPart, drawingPartXml(chart, "rId1", 2));
    added.set(
      `xl/drawings/_rels/${drawingPart.split("/").pop()}.rels`,
      withRelationship(EMPTY_RELS, "rId1", CHART_REL, `../charts/${chartPart.split("/").pop()}`),
    );
    added.set(chartPart, chartPartXml(sheet, chart, rows));
    contentTypes = contentTypes.replace(
      /<\/Types>\s*$/,
      `<Override PartName="/${drawingPart}" ContentType="${DRAWING_TYPE}"/>` +
        `<Override PartName="/${chartPart}" ContentType="${CHART_TYPE}"/></Types>`,
    );
  }
  replaced.set("[Content_Types].xml", contentTypes);

  const out = await Promise.all(
    entries.map((e) => (replaced.has(e.name) ? textEntry(e.name, replaced.get(e.name)!, e) : e)),
  );
  for (const [name, xml] of [...replaced].filter(([name]) => !byName.has(name)).concat([...added])) {
    out.push(await textEntry(name, xml));
  }
  return writeEntries(out);
}
