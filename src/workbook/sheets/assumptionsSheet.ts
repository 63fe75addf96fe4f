import { ASSUMPTION_CATALOGUE, assumptionValue, type AssumptionKey, type Assumptions } from "../../model";
import type { LayoutCell, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { MONEY, PERCENT, PRICE, cell, label } from "./formats";
import { SHEET_NAMES } from "./names";

interface AssumptionLine {
  name: string;
  value: (a: Assumptions, analysis: Analysis) => number;
  format?: string;
  unit: string;
  note: (a: Assumptions) => string;
}

const FORMATS: Partial<Record<AssumptionKey, string>> = {
  discountRate: PERCENT,
  confidence: PERCENT,
  adoption: PERCENT,
  vendorSurvival: PERCENT,
  integrationUpkeep: PERCENT,
  hurdleRoi: PERCENT,
  enterpriseSeatPrice: PRICE,
  consumerSeatPrice: PRICE,
  "integrationCost.none": MONEY,
  "integrationCost.light": MONEY,
  "integrationCost.deep": MONEY,
};

/** Every assumption the model used, described as the wizard describes it (the model's catalogue). */
const ASSUMPTION_LINES: AssumptionLine[] = ASSUMPTION_CATALOGUE.map(({ key, label, unit, note }) =>
  key === "headcount"
    ? {
        name: label,
        // The seats the per-seat plan bought: the entered headcount, or the analysed rows' People.
        value: (_a, analysis) => analysis.comparison.perSeat.seats,
        unit,
        note: (a) =>
          a.headcount === null
            ? "Seats of the per-seat plan: the sum of People over the analysed rows, since none was entered."
            : "Seats of the per-seat plan, as entered.",
      }
    : { name: label, value: (a) => assumptionValue(a, key) ?? 0, format: FORMATS[key], unit, note: () => note },
);

/** "2026-11-24 09:30 UTC": text, so the time reads the same in every time zone and program. */
export function analysisTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

type Row = (LayoutCell | null)[];

/** A titled section: its header row and lines, or one line saying there is nothing. */
function section(title: string, headers: string[], lines: Row[], nothing: string): Row[] {
  return [[], [label(title)], ...(lines.length === 0 ? [[cell(nothing)]] : [headers.map(label), ...lines])];
}

/**
 * AI Assumptions: what the figures rest on. Every assumption, where the table was, when it was analysed, the
 * tiers set by hand, the warnings, what the reader assumed on some rows, and the rows it could not analyse.
 */
export function assumptionsSheet(analysis: Analysis): SheetLayout {
  const { assumptions, reading } = analysis;
  const byName = new Map(analysis.analyses.map((a) => [a.workflow.name, a]));
  const rows: Row[] = [
    [label("AI budget: assumptions and reading")],
    [cell("Source table"), cell(`${analysis.source.sheet}!${analysis.source.address}`)],
    [cell("Analysed at"), cell(analysisTime(analysis.analysedAt))],
    [cell("Workflows analysed"), cell(analysis.analyses.length)],
    [cell("Rows not analysed"), cell(reading.rejected.length)],
    [],
    ["Assumption", "Value", "Unit", "Note"].map(label),
    ...ASSUMPTION_LINES.map((line) => [
      cell(line.name),
      cell(line.value(assumptions, analysis), line.format),
      cell(line.unit),
      cell(line.note(assumptions)),
    ]),
    ...section(
      "Tiers set by hand",
      ["Workflow", "Tier", "Model's choice"],
      Object.entries(analysis.overrides).map(([name, tier]) => [
        cell(name),
        cell(tier),
        cell(byName.get(name)?.decision.tier ?? null),
      ]),
      "None: every tier is the model's choice.",
    ),
    ...section(
      "Warnings",
      ["Warning"],
      reading.warnings.map((warning) => [cell(warning)]),
      "None.",
    ),
    ...section(
      "Row notes",
      ["Row", "Workflow", "Note"],
      reading.workflows.flatMap((w) => w.notes.map((note) => [cell(w.row), cell(w.workflow.name), cell(note)])),
      "None.",
    ),
    ...section(
      "Rows not analysed",
      ["Row", "Workflow", "Column", "Header", "Found", "Expected"],
      reading.rejected.flatMap((r) =>
        r.problems.map((p) => [
          cell(p.row),
          cell(r.name),
          cell(p.column),
          cell(p.header),
          cell(p.found),
          cell(p.expected),
        ]),
      ),
      "None: every row with content was analysed.",
    ),
  ];
  return {
    role: "assumptions",
    name: SHEET_NAMES.assumptions,
    rows,
    tables: [],
    columnWidths: [30, 24, 28, 60, 20, 50],
    charts: [],
  };
}
