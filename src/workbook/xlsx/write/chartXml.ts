import { cellAddress } from "../../a1";
import type { LayoutCell, LayoutChart } from "../../layout";
import { sheetReference } from "../../marker";
import type { Block } from "../sheetAddress";
import type { Namespaces } from "./namespaces";
import { escapeXml } from "./xmlText";
import { blockOf } from "./worksheetXml";

/**
 * DrawingML for the layout's charts: a chart part per chart (clustered columns, clustered horizontal bars for the
 * tornado, or lines), with the orientation the layout states (seriesBy) rather than Excel's guess, and the values
 * cached so the chart shows before any recalculation; and one drawing part per sheet placing its charts.
 */

interface Series {
  name: { ref: string; text: string };
  categories: { ref: string; texts: string[] };
  values: { ref: string; numbers: (number | null)[] };
}

function absolute(row: number, column: number): string {
  return cellAddress(row, column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

function rangeRef(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const from = absolute(top, left);
  const to = absolute(bottom, right);
  return sheetReference(sheet, from === to ? from : `${from}:${to}`);
}

function text(cell: LayoutCell | null | undefined): string {
  return cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
}

function number(cell: LayoutCell | null | undefined): number | null {
  return typeof cell?.value === "number" && Number.isFinite(cell.value) ? cell.value : null;
}

/** seriesBy "columns": the first row names the series, the first column holds the categories; "rows": the transpose. */
function seriesOf(sheet: string, block: Block, byColumns: boolean, rows: readonly (LayoutCell | null)[][]): Series[] {
  const at = (r: number, c: number) => rows[r - 1]?.[c - 1];
  const series: Series[] = [];
  if (byColumns) {
    const dataRows = Array.from({ length: block.bottom - block.top }, (_, i) => block.top + 1 + i);
    for (let c = block.left + 1; c <= block.right; c++) {
      series.push({
        name: { ref: rangeRef(sheet, block.top, c, block.top, c), text: text(at(block.top, c)) },
        categories: {
          ref: rangeRef(sheet, block.top + 1, block.left, block.bottom, block.left),
          texts: dataRows.map((r) => text(at(r, block.left))),
        },
        values: {
          ref: rangeRef(sheet, block.top + 1, c, block.bottom, c),
          numbers: dataRows.map((r) => number(at(r, c))),
        },
      });
    }
  } else {
    const dataColumns = Array.from({ length: block.right - block.left }, (_, i) => block.left + 1 + i);
    for (let r = block.top + 1; r <= block.bottom; r++) {
      series.push({
        name: { ref: rangeRef(sheet, r, block.left, r, block.left), text: text(at(r, block.left)) },
        categories: {
          ref: rangeRef(sheet, block.top, block.left + 1, block.top, block.right),
          texts: dataColumns.map((c) => text(at(block.top, c))),
        },
        values: {
          ref: rangeRef(sheet, r, block.left + 1, r, block.right),
          numbers: dataColumns.map((c) => number(at(r, c))),
        },
      });
    }
  }
  return series;
}

function seriesXml(s: Series, index: number, kind: LayoutChart["kind"]): string {
  const strPoints = s.categories.texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("");
  const numPoints = s.values.numbers
    .map((n, i) => (n === null ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`))
    .join("");
  const afterName =
    kind === "line"
      ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`
      : `<c:invertIfNegative val="0"/>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f><c:strCache><c:ptCount val="1"/>` +
    `<c:pt idx="0"><c:v>${escapeXml(s.name.text)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    afterName +
    `<c:cat><c:strRef><c:f>${escapeXml(s.categories.ref)}</c:f><c:strCache>` +
    `<c:ptCount val="${s.categories.texts.length}"/>${strPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.values.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${s.values.numbers.length}"/>${numPoints}</c:numCache></c:numRef></c:val>` +
    (kind === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

const CATEGORY_AXIS = 50010;
const VALUE_AXIS = 50020;

function axesXml(horizontalBars: boolean): string {
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${horizontalBars ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontalBars ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontalBars ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/>` +
    // Bars read top-down, largest first: categories run max to min, and the value axis crosses at the last one.
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${horizontalBars ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`
  );
}

/** The chart part (xl/charts/chartN.xml) of one of the layout's charts, over its data range on `sheet`. */
export function chartPartXml(
  ns: Namespaces,
  sheet: string,
  chart: LayoutChart,
  rows: readonly (LayoutCell | null)[][],
): string {
  const block = blockOf(chart.dataRange, `The chart "${chart.title}"`);
  if (block.bottom <= block.top || block.right <= block.left) {
    throw new RangeError(`The chart's data range "${chart.dataRange}" needs a header row and a label column`);
  }
  const series = seriesOf(sheet, block, chart.seriesBy === "columns", rows);
  const serXml = series.map((s, i) => seriesXml(s, i, chart.kind)).join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const plot =
    chart.kind === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${serXml}<c:marker val="1"/>${axisIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.kind === "barClustered" ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${serXml}<c:gapWidth val="150"/>${axisIds}</c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.drawingMain}" xmlns:r="${ns.relationships}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axesXml(chart.kind === "barClustered")}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** Columns and rows a chart spans from its anchor: about 15 cm by 9 cm at default widths. */
const SPAN = { columns: 8, rows: 18 };

/** The drawing part (xl/drawings/drawingN.xml) placing a sheet's charts, each by its relationship id. */
export function drawingPartXml(ns: Namespaces, charts: readonly { chart: LayoutChart; relId: string }[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const anchor = blockOf(chart.anchor, `The chart "${chart.title}"'s anchor`);
    const marker = (tag: string, column: number, row: number) =>
      `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      marker("from", anchor.left - 1, anchor.top - 1) +
      marker("to", anchor.left - 1 + SPAN.columns, anchor.top - 1 + SPAN.rows) +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${ns.chart}">` +
      `<c:chart xmlns:c="${ns.chart}" r:id="${relId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${ns.spreadsheetDrawing}" xmlns:a="${ns.drawingMain}" xmlns:r="${ns.relationships}">` +
    anchors.join("") +
    `</xdr:wsDr>`
  );
}
