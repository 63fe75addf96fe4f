import { cellAddress } from "../a1";
import type { LayoutCell, LayoutChart } from "../layout";
import { sheetReference } from "../marker";
import { type Block, parseBlock } from "./sheetAddress";

/** DrawingML for a layout's chart: the chart part and the drawing that places it on its sheet. */

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

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

/**
 * Series as Excel's "Auto" reads a range with a header row and a label column: one series per column where there
 * are at least as many data rows as data columns, else one per row.
 */
function seriesOf(sheet: string, block: Block, rows: readonly (LayoutCell | null)[][]): Series[] {
  const at = (r: number, c: number) => rows[r - 1]?.[c - 1];
  const dataRows = block.bottom - block.top;
  const dataColumns = block.right - block.left;
  const byColumn = dataRows >= dataColumns;
  const series: Series[] = [];
  const count = byColumn ? dataColumns : dataRows;
  for (let k = 1; k <= count; k++) {
    if (byColumn) {
      const c = block.left + k;
      const rowsRange = Array.from({ length: dataRows }, (_, i) => block.top + 1 + i);
      series.push({
        name: { ref: rangeRef(sheet, block.top, c, block.top, c), text: text(at(block.top, c)) },
        categories: {
          ref: rangeRef(sheet, block.top + 1, block.left, block.bottom, block.left),
          texts: rowsRange.map((r) => text(at(r, block.left))),
        },
        values: {
          ref: rangeRef(sheet, block.top + 1, c, block.bottom, c),
          numbers: rowsRange.map((r) => number(at(r, c))),
        },
      });
    } else {
      const r = block.top + k;
      const columns = Array.from({ length: dataColumns }, (_, i) => block.left + 1 + i);
      series.push({
        name: { ref: rangeRef(sheet, r, block.left, r, block.left), text: text(at(r, block.left)) },
        categories: {
          ref: rangeRef(sheet, block.top, block.left + 1, block.top, block.right),
          texts: columns.map((c) => text(at(block.top, c))),
        },
        values: {
          ref: rangeRef(sheet, r, block.left + 1, r, block.right),
          numbers: columns.map((c) => number(at(r, c))),
        },
      });
    }
  }
  return series;
}

function seriesXml(s: Series, index: number): string {
  const strPoints = s.categories.texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("");
  const numPoints = s.values.numbers
    .map((n, i) => (n === null ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`))
    .join("");
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f><c:strCache><c:ptCount val="1"/>` +
    `<c:pt idx="0"><c:v>${escapeXml(s.name.text)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(s.categories.ref)}</c:f><c:strCache>` +
    `<c:ptCount val="${s.categories.texts.length}"/>${strPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.values.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${s.values.numbers.length}"/>${numPoints}</c:numCache></c:numRef></c:val></c:ser>`
  );
}

/** The chart part (xl/charts/chartN.xml) of a clustered column chart over the chart's data range. */
export function chartPartXml(sheet: string, chart: LayoutChart, rows: readonly (LayoutCell | null)[][]): string {
  const block = parseBlock(chart.dataRange);
  if (!block || block.bottom <= block.top || block.right <= block.left) {
    throw new RangeError(`The chart's data range "${chart.dataRange}" needs a header row and a label column`);
  }
  const series = seriesOf(sheet, block, rows);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series.map(seriesXml).join("") +
    `<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** Columns and rows the chart spans from its anchor: about 15 cm by 9 cm at default widths. */
const SPAN = { columns: 8, rows: 18 };

/** The drawing part (xl/drawings/drawingN.xml) placing the chart, whose relationship is `chartRelId`, at its anchor. */
export function drawingPartXml(chart: LayoutChart, chartRelId: string, shapeId: number): string {
  const anchor = parseBlock(chart.anchor);
  if (!anchor) throw new RangeError(`The chart's anchor "${chart.anchor}" is not a cell`);
  const marker = (tag: string, column: number, row: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell">` +
    marker("from", anchor.left - 1, anchor.top - 1) +
    marker("to", anchor.left - 1 + SPAN.columns, anchor.top - 1 + SPAN.rows) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
