import type { SensitivityBar, SensitivityInput } from "../../model";
import { rangeAddress } from "../a1";
import type { LayoutCell, LayoutValue, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { analysisTime } from "./assumptionsSheet";
import { FACTOR, MONTHS, PERCENT, cell, header, label, note } from "./formats";
import { SENSITIVITY_TABLE, SHEET_NAMES } from "./names";

export const SENSITIVITY_HEADERS = [
  "Input",
  "Low value",
  "High value",
  "Portfolio NPV at low",
  "Portfolio NPV at high",
  "Spread",
  "Inflation factor at low",
  "Inflation factor at high",
  "Tiers changed at low",
  "Tiers changed at high",
] as const;

const HEADER = 5;

function movedFormat(input: SensitivityInput, price: string): string | undefined {
  switch (input) {
    case "horizon":
      return "0";
    case "discountRate":
    case "vendorSurvival":
    case "integrationUpkeep":
      return PERCENT;
    case "enterpriseSeatPrice":
    case "consumerSeatPrice":
      return price;
    case "rampMonths":
      return MONTHS;
    default:
      return undefined;
  }
}

/** A factor applied to many figures reads "×0.8"; one assumption's moved value is the number itself. */
function moved(bar: SensitivityBar, value: number, price: string): LayoutCell {
  return bar.isFactor ? cell(`×${Number(value.toPrecision(12))}`) : cell(value, movedFormat(bar.input, price));
}

const orBlank = (x: number | null): LayoutValue => x;

/**
 * AI Sensitivity: model.md's bars, widest spread first. Each end is a whole re-analysis (tiers chosen afresh),
 * which formulas cannot do, so this sheet is values computed when the analysis ran; its first row says so.
 */
export function sensitivitySheet(analysis: Analysis, money: string, price: string): SheetLayout {
  const bars = analysis.sensitivity;
  const rows: (LayoutCell | null)[][] = [
    [
      note(
        `Values computed when the analysis ran, at ${analysisTime(analysis.analysedAt)}: each end re-runs the whole ` +
          "analysis, which formulas cannot do, so an edit elsewhere does not move them. Run the analysis again to refresh.",
      ),
    ],
    [label("Base portfolio NPV"), cell(analysis.baseNpv, money)],
    [label("Sensitivity swing"), cell(analysis.assumptions.sensitivitySwing, PERCENT)],
    [],
    SENSITIVITY_HEADERS.map(header),
    ...bars.map((bar) => [
      cell(bar.label),
      moved(bar, bar.lowValue, price),
      moved(bar, bar.highValue, price),
      cell(bar.npvLow, money),
      cell(bar.npvHigh, money),
      cell(bar.spread, money),
      cell(orBlank(bar.inflationFactorLow), FACTOR),
      cell(orBlank(bar.inflationFactorHigh), FACTOR),
      cell(bar.tiersChangedLow, "0"),
      cell(bar.tiersChangedHigh, "0"),
    ]),
  ];
  if (bars.length === 0) rows.push(SENSITIVITY_HEADERS.map(() => null));
  const last = HEADER + Math.max(bars.length, 1);

  // The tornado's data, labelled: the NPV at each end of each bar.
  const chartRow = last + 2;
  rows.push([]);
  rows.push([header("Input"), header("NPV at low"), header("NPV at high")]);
  for (const bar of bars) rows.push([cell(bar.label), cell(bar.npvLow, money), cell(bar.npvHigh, money)]);

  return {
    role: "sensitivity",
    name: SHEET_NAMES.sensitivity,
    rows,
    tables: [{ name: SENSITIVITY_TABLE, range: rangeAddress(HEADER, 1, last, SENSITIVITY_HEADERS.length) }],
    columnWidths: [44, 12, 12, 16, 16, 14, 12, 12, 10, 10],
    charts:
      bars.length === 0
        ? []
        : [
            {
              kind: "barClustered",
              title: "Portfolio NPV at each end of each swing",
              dataRange: rangeAddress(chartRow, 1, chartRow + bars.length, 3),
              seriesBy: "columns",
              anchor: `L${HEADER}`,
            },
          ],
    freeze: { rows: HEADER, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: HEADER, last: HEADER } },
  };
}
