import { ASSUMPTION_CATALOGUE, annuity, valueAnnuity, type AssumptionKey } from "../../model";
import type { LayoutCell, LayoutName, LayoutValidation, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { captureUsed } from "./workingsSheet";
import { MONTHS, PERCENT, cell, formulaCell, header, input, label, note, title, warningCell } from "./formats";
import { allocationColumn, bodyRows } from "./geometry";
import { INPUT_NAMES, SHEET_NAMES, WORKING_NAMES } from "./names";

type InputKey = keyof typeof INPUT_NAMES;

interface AssumptionLine {
  key: InputKey;
  label: string;
  unit: string;
  note: string;
  value: (analysis: Analysis) => number | null;
  format: (money: string, price: string) => string | undefined;
  validation?: { kind: "decimal" | "whole"; min: number; max: number };
}

const CATALOGUE_KEYS: Partial<Record<InputKey, AssumptionKey>> = {
  years: "years",
  discountRate: "discountRate",
  confidence: "confidence",
  adoption: "adoption",
  vendorSurvival: "vendorSurvival",
  enterpriseSeatPrice: "enterpriseSeatPrice",
  consumerSeatPrice: "consumerSeatPrice",
  integrationCostNone: "integrationCost.none",
  integrationCostLight: "integrationCost.light",
  integrationCostDeep: "integrationCost.deep",
  integrationUpkeep: "integrationUpkeep",
  hurdleRoi: "hurdleRoi",
  rampMonths: "rampMonths",
  headcount: "headcount",
  sensitivitySwing: "sensitivitySwing",
};

const CAPTURE_NOTE =
  "Share of a workflow's value that a general tool, used without integration, captures (model.md); the Consumer " +
  "option and the per-seat plan get it.";

const EXTRA: Partial<Record<InputKey, { label: string; unit: string; note: string }>> = {
  captureNone: { label: "Capture, integration none", unit: "share", note: CAPTURE_NOTE },
  captureLight: { label: "Capture, integration light", unit: "share", note: CAPTURE_NOTE },
  captureDeep: { label: "Capture, integration deep", unit: "share", note: CAPTURE_NOTE },
};

const SHARE = { kind: "decimal", min: 0, max: 1 } as const;
const MONEY_RANGE = { kind: "decimal", min: 0, max: 1e12 } as const;

function describe(key: InputKey): { label: string; unit: string; note: string } {
  const catalogueKey = CATALOGUE_KEYS[key];
  const entry = ASSUMPTION_CATALOGUE.find((c) => c.key === catalogueKey);
  if (entry) return { label: entry.label, unit: entry.unit, note: entry.note };
  return EXTRA[key] ?? { label: key, unit: "", note: "" };
}

/** Every assumption, in sheets.md's order of the defined names: the rows of AI Assumptions from FIRST_ASSUMPTION_ROW. */
const LINES: AssumptionLine[] = (Object.keys(INPUT_NAMES) as InputKey[]).map((key) => {
  const d = describe(key);
  const a = (analysis: Analysis) => analysis.assumptions;
  const byKey: Record<InputKey, Omit<AssumptionLine, "key" | "label" | "unit" | "note">> = {
    years: { value: (x) => a(x).years, format: () => "0", validation: { kind: "whole", min: 1, max: 30 } },
    discountRate: { value: (x) => a(x).discountRate, format: () => PERCENT, validation: SHARE },
    confidence: { value: (x) => a(x).confidence, format: () => PERCENT, validation: SHARE },
    adoption: { value: (x) => a(x).adoption, format: () => PERCENT, validation: SHARE },
    vendorSurvival: { value: (x) => a(x).vendorSurvival, format: () => PERCENT, validation: SHARE },
    enterpriseSeatPrice: { value: (x) => a(x).enterpriseSeatPrice, format: (_m, p) => p, validation: MONEY_RANGE },
    consumerSeatPrice: { value: (x) => a(x).consumerSeatPrice, format: (_m, p) => p, validation: MONEY_RANGE },
    integrationCostNone: { value: (x) => a(x).integrationCost.none, format: (m) => m, validation: MONEY_RANGE },
    integrationCostLight: { value: (x) => a(x).integrationCost.light, format: (m) => m, validation: MONEY_RANGE },
    integrationCostDeep: { value: (x) => a(x).integrationCost.deep, format: (m) => m, validation: MONEY_RANGE },
    integrationUpkeep: { value: (x) => a(x).integrationUpkeep, format: () => PERCENT, validation: SHARE },
    hurdleRoi: {
      value: (x) => a(x).hurdleRoi,
      format: () => PERCENT,
      validation: { kind: "decimal", min: 0, max: 1e6 },
    },
    rampMonths: {
      value: (x) => a(x).rampMonths,
      format: () => MONTHS,
      validation: { kind: "decimal", min: 0, max: 12 },
    },
    headcount: { value: (x) => a(x).headcount, format: () => "#,##0.##" },
    sensitivitySwing: {
      value: (x) => a(x).sensitivitySwing,
      format: () => PERCENT,
      validation: { kind: "decimal", min: 0, max: 0.999999 },
    },
    captureNone: { value: (x) => captureUsed(x, "none"), format: () => PERCENT, validation: SHARE },
    captureLight: { value: (x) => captureUsed(x, "light"), format: () => PERCENT, validation: SHARE },
    captureDeep: { value: (x) => captureUsed(x, "deep"), format: () => PERCENT, validation: SHARE },
  };
  return { key, ...d, ...byKey[key] };
});

/** Row of AI Assumptions' first assumption; the assumptions sit at fixed cells, B4 down, on every run. */
export const FIRST_ASSUMPTION_ROW = 4;
/** The column of the assumptions' values. */
export const VALUE_COLUMN = "B";

/** The cell each defined name points at, on every run. */
export const INPUT_CELLS: Readonly<Record<InputKey, string>> = Object.freeze(
  Object.fromEntries(LINES.map((line, i) => [line.key, `${VALUE_COLUMN}${FIRST_ASSUMPTION_ROW + i}`])) as Record<
    InputKey,
    string
  >,
);

const WORKINGS_TITLE_ROW = FIRST_ASSUMPTION_ROW + LINES.length + 1;
export const WORKING_CELLS = Object.freeze({
  annuity: `${VALUE_COLUMN}${WORKINGS_TITLE_ROW + 1}`,
  valueAnnuity: `${VALUE_COLUMN}${WORKINGS_TITLE_ROW + 2}`,
  yearsWritten: `${VALUE_COLUMN}${WORKINGS_TITLE_ROW + 3}`,
  headcountCheck: `${VALUE_COLUMN}${WORKINGS_TITLE_ROW + 4}`,
});

/** "2026-11-24 09:30 UTC": text, so the time reads the same in every time zone and program. */
export function analysisTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

type Row = (LayoutCell | null)[];

/** A titled section: its header row and lines, or one line saying there is nothing. */
function section(heading: string, headers: string[], lines: Row[], nothing: string): Row[] {
  return [[], [label(heading)], ...(lines.length === 0 ? [[cell(nothing)]] : [headers.map(header), ...lines])];
}

/**
 * AI Assumptions: the model's inputs at fixed cells, each a named input (AIBUDGET_*), so every formula names
 * them and a re-run reads them back; the named workings every sheet builds on; then what the figures rest on:
 * where the table was, when it was analysed, the warnings and the rows that could not be analysed.
 */
export function assumptionsSheet(analysis: Analysis, money: string, price: string): SheetLayout {
  const { assumptions: a, reading } = analysis;
  const rows = bodyRows(analysis.analyses.length);
  const people = allocationColumn("People", rows);
  const peopleSum = analysis.analyses.reduce((sum, x) => sum + x.workflow.people, 0);
  const byName = new Map(analysis.analyses.map((x) => [x.workflow.name, x]));

  const assumptionRows: Row[] = LINES.map((line) => {
    const value = line.value(analysis);
    const format = line.format(money, price);
    const valueCell =
      line.key === "headcount" && value === null
        ? formulaCell(`=SUM(${people})`, peopleSum, format)
        : input(value, format);
    const lineNote =
      line.key === "headcount"
        ? value === null
          ? "None was entered: the sum of AI Allocation's People, so it follows the rows. Type a number to fix it."
          : "As entered; where it is below the People of AI Allocation, the per-seat plan uses their sum."
        : line.note;
    return [cell(line.label), valueCell, cell(line.unit), note(lineNote)];
  });

  const r = INPUT_NAMES.discountRate;
  const y = INPUT_NAMES.years;
  const hc = INPUT_NAMES.headcount;
  const workingRows: Row[] = [
    ["Named working", "Value", "Unit", "Note"].map(header),
    [
      cell("Annuity"),
      formulaCell(`=IF(${r}=0,${y},(1-1/(1+${r})^${y})/${r})`, annuity(a.years, a.discountRate), "0.000000"),
      cell("years"),
      note(
        "Present value of 1 a year, paid at each year end over the horizon (closed form; the horizon itself at 0 %).",
      ),
    ],
    [
      cell("Value annuity"),
      formulaCell(
        `=${WORKING_NAMES.annuity}-${INPUT_NAMES.rampMonths}/24/(1+${r})`,
        valueAnnuity(a.years, a.discountRate, a.rampMonths),
        "0.000000",
      ),
      cell("years"),
      note("The annuity that value is paid over: year 1 falls short by ramp months / 24 of a steady year."),
    ],
    [
      cell("Years written"),
      cell(a.years, "0"),
      cell("years"),
      note("The horizon AI Budget was written for; a longer horizon needs the analysis run again."),
    ],
    [
      cell("Headcount check"),
      warningCell(
        `=IF(AND(ISNUMBER(${hc}),${hc}<SUM(${people})),"Headcount "&${hc}&" is below the "&SUM(${people})&" people of ${SHEET_NAMES.allocation}: the per-seat plan uses their sum.","")`,
        "",
      ),
    ],
  ];

  const rowsOut: Row[] = [
    [title("AI budget: assumptions")],
    [
      note(
        "Blue cells are inputs: type over them and every sheet follows. Each has a defined name (AIBUDGET_…). " +
          "Adding or removing a workflow, or a horizon beyond the years AI Budget shows, needs the analysis run again.",
      ),
    ],
    ["Assumption", "Value", "Unit", "Note"].map(header),
    ...assumptionRows,
    [],
    ...workingRows,
    [],
    [label("Source table"), cell(`${analysis.source.sheet}!${analysis.source.address}`)],
    [label("Analysed at"), cell(analysisTime(analysis.analysedAt))],
    [label("Workflows analysed"), cell(analysis.analyses.length)],
    [label("Rows not analysed"), cell(reading.rejected.length)],
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
      reading.warnings.map((warning) => [{ ...cell(warning), style: "warning" as const }]),
      "None.",
    ),
    ...section(
      "Row notes",
      ["Row", "Workflow", "Note"],
      reading.workflows.flatMap((w) => w.notes.map((n) => [cell(w.row), cell(w.workflow.name), cell(n)])),
      "None.",
    ),
    ...section(
      "Rows not analysed",
      ["Row", "Workflow", "Column", "Header", "Found", "Expected"],
      reading.rejected.flatMap((rej) =>
        rej.problems.map((p) => [
          cell(p.row),
          cell(rej.name),
          cell(p.column),
          cell(p.header),
          cell(p.found),
          cell(p.expected),
        ]),
      ),
      "None: every row with content was analysed.",
    ),
  ];

  const names: LayoutName[] = [
    ...LINES.map((line) => ({ name: INPUT_NAMES[line.key], ref: INPUT_CELLS[line.key] })),
    { name: WORKING_NAMES.annuity, ref: WORKING_CELLS.annuity },
    { name: WORKING_NAMES.valueAnnuity, ref: WORKING_CELLS.valueAnnuity },
    { name: WORKING_NAMES.yearsWritten, ref: WORKING_CELLS.yearsWritten },
  ];
  const validations: LayoutValidation[] = LINES.flatMap((line) =>
    line.validation && !(line.key === "headcount" && a.headcount === null)
      ? [{ range: INPUT_CELLS[line.key], ...line.validation }]
      : [],
  );
  return {
    role: "assumptions",
    name: SHEET_NAMES.assumptions,
    rows: rowsOut,
    tables: [],
    columnWidths: [30, 16, 22, 90, 20, 50],
    charts: [],
    names,
    validations,
    freeze: { rows: 3, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: 3, last: 3 } },
  };
}
