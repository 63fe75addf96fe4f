import type { Assumptions } from "../../model";
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

/** Every assumption the model used, with a one-line note a finance reader can check it against. */
const ASSUMPTION_LINES: AssumptionLine[] = [
  {
    name: "Horizon",
    value: (a) => a.years,
    unit: "years",
    note: () => "Years over which benefits and costs are counted.",
  },
  {
    name: "Discount rate",
    value: (a) => a.discountRate,
    format: PERCENT,
    unit: "a year",
    note: () => "Rate at which each year's flows are discounted to today; flows fall at year ends.",
  },
  {
    name: "Confidence",
    value: (a) => a.confidence,
    format: PERCENT,
    unit: "share",
    note: () => "Conservative haircut: the share of the estimated time savings that is counted as value.",
  },
  {
    name: "Adoption",
    value: (a) => a.adoption,
    format: PERCENT,
    unit: "share",
    note: () => "Share of the work that uses the tool at steady state, where a row gives no adoption of its own.",
  },
  {
    name: "Vendor survival",
    value: (a) => a.vendorSurvival,
    format: PERCENT,
    unit: "a year",
    note: () => "Chance the vendor survives each year; a failure costs one rebuild of the integration.",
  },
  {
    name: "Enterprise seat price",
    value: (a) => a.enterpriseSeatPrice,
    format: PRICE,
    unit: "per seat a month",
    note: () => "Net of any volume discount expected.",
  },
  {
    name: "Consumer seat price",
    value: (a) => a.consumerSeatPrice,
    format: PRICE,
    unit: "per seat a month",
    note: () => "A low-cost general tool, never used for sensitive data.",
  },
  {
    name: "Integration cost, none",
    value: (a) => a.integrationCost.none,
    format: MONEY,
    unit: "one-time",
    note: () => "For a workflow that needs no integration, where its row gives no integration cost.",
  },
  {
    name: "Integration cost, light",
    value: (a) => a.integrationCost.light,
    format: MONEY,
    unit: "one-time",
    note: () => "For a workflow that needs light integration, where its row gives no integration cost.",
  },
  {
    name: "Integration cost, deep",
    value: (a) => a.integrationCost.deep,
    format: MONEY,
    unit: "one-time",
    note: () => "For a workflow that needs deep integration, where its row gives no integration cost.",
  },
  {
    name: "Integration upkeep",
    value: (a) => a.integrationUpkeep,
    format: PERCENT,
    unit: "of the integration cost a year",
    note: () => "Yearly cost of keeping an integration running, added to the Enterprise option's annual cost.",
  },
  {
    name: "Hurdle ROI",
    value: (a) => a.hurdleRoi,
    format: PERCENT,
    unit: "ROI",
    note: () => "A tier qualifies when its ROI is at least this; 100 % means the value at least doubles the cost.",
  },
  {
    name: "Headcount",
    value: (_a, analysis) => analysis.comparison.perSeat.seats,
    unit: "people",
    note: (a) =>
      a.headcount === null
        ? "Seats of the per-seat plan: the sum of People over the analysed rows, since none was entered."
        : "Seats of the per-seat plan, as entered.",
  },
];

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
