import { DEFAULT_ASSUMPTIONS, type Assumptions, type Tier, type Workflow } from "../../src/model";
import { analyseGrid } from "../../src/workbook/analyse";
import { buildAnalysisLayout } from "../../src/workbook/sheets/buildLayout";
import { budgetRow } from "../../src/workbook/sheets/budgetSheet";
import { comparisonRow } from "../../src/workbook/sheets/comparisonSheet";
import {
  ALLOCATION_HEADERS,
  WORKINGS_HEADERS,
  allocationLetter,
  bodyRows,
  workingsLetter,
} from "../../src/workbook/sheets/geometry";
import { columnLetter } from "../../src/workbook/a1";
import { sampleGrid } from "../workbook/read/sampleGrid";
import {
  LIVE_ROLES,
  WHEN,
  agrees,
  allocationInput,
  analyse,
  disagreements,
  edited,
  errorCells,
  expectedLayout,
  recalculated,
  writeAnalysis,
  valueAt,
  type Edit,
  type Recalculated,
  type TypedHands,
} from "./liveModel";

/**
 * The sample company written as a live model, edited in the file the way a finance user would (an assumption by
 * its defined name, a row's minutes saved, tiers set by hand, the ramp, the horizon), recalculated by
 * LibreOffice, and compared cell by cell with what the model computes for the edited inputs.
 */

const base = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, {}, WHEN);
const sample: Workflow[] = base.reading.workflows.map((w) => w.workflow);
const index = (name: string) => sample.findIndex((w) => w.name.startsWith(name));
const SUPPORT = index("Customer support");
const SALES = index("Sales proposals");
const FINANCE = index("Financial analysis");
const CONTRACTS = index("Contract review");
const OPERATIONS = index("Operations reports");
const COMMS = index("Internal communications");
const WAREHOUSE = index("Warehouse");

interface Scenario {
  title: string;
  edits: Edit[];
  assumptions: Assumptions;
  workflows: Workflow[];
  overrides: Record<string, Tier>;
  typed: TypedHands;
}

const scenarios: Scenario[] = [
  {
    title: "the written file, unchanged",
    edits: [],
    assumptions: DEFAULT_ASSUMPTIONS,
    workflows: sample,
    overrides: {},
    typed: {},
  },
  {
    title:
      "discount rate and ramp by name, minutes that flip two tiers, tiers set by hand and refused, a row's own figures",
    edits: [
      { name: "AIBUDGET_DiscountRate", value: 0.07 },
      { name: "AIBUDGET_RampMonths", value: 6 },
      allocationInput(WAREHOUSE, "Minutes saved per task", 240),
      allocationInput(OPERATIONS, "Minutes saved per task", 3),
      allocationInput(COMMS, "Tier set by hand", " enterprise"),
      allocationInput(SUPPORT, "Tier set by hand", "Consumer"),
      allocationInput(SALES, "Tier set by hand", "Premium"),
      allocationInput(CONTRACTS, "Sensitive data", " NO "),
      allocationInput(FINANCE, "Integration cost", 20_000),
    ],
    assumptions: { ...DEFAULT_ASSUMPTIONS, discountRate: 0.07, rampMonths: 6 },
    workflows: sample.map((w, k) =>
      k === WAREHOUSE
        ? { ...w, minutesSavedPerTask: 240 }
        : k === OPERATIONS
          ? { ...w, minutesSavedPerTask: 3 }
          : k === CONTRACTS
            ? { ...w, sensitiveData: false }
            : k === FINANCE
              ? { ...w, integrationCost: 20_000 }
              : w,
    ),
    overrides: { [sample[COMMS].name]: "Enterprise" },
    typed: { [SUPPORT]: "Consumer", [SALES]: "Premium" },
  },
  {
    title: "a shorter horizon, a lower hurdle and a dearer seat",
    edits: [
      { name: "AIBUDGET_Years", value: 2 },
      { name: "AIBUDGET_HurdleRoi", value: 0.5 },
      { name: "AIBUDGET_EnterpriseSeatPrice", value: 35 },
      { name: "AIBUDGET_Headcount", value: 250 },
    ],
    assumptions: { ...DEFAULT_ASSUMPTIONS, years: 2, hurdleRoi: 0.5, enterpriseSeatPrice: 35, headcount: 250 },
    workflows: sample,
    overrides: {},
    typed: {},
  },
  {
    title: "a longer horizon than AI Budget's columns",
    edits: [{ name: "AIBUDGET_Years", value: 5 }],
    assumptions: { ...DEFAULT_ASSUMPTIONS, years: 5 },
    workflows: sample,
    overrides: {},
    typed: {},
  },
  {
    title: "an exact tie: both seats cost the same, so Consumer wins on the rows that need no integration",
    edits: [{ name: "AIBUDGET_EnterpriseSeatPrice", value: 20 }],
    assumptions: { ...DEFAULT_ASSUMPTIONS, enterpriseSeatPrice: 20 },
    workflows: sample,
    overrides: {},
    typed: {},
  },
  {
    title: "a tie within the tolerance: Consumer's seat dearer by a relative 1e-12, beyond LibreOffice's own rounding",
    edits: [{ name: "AIBUDGET_ConsumerSeatPrice", value: 30 * (1 + 1e-12) }],
    assumptions: { ...DEFAULT_ASSUMPTIONS, consumerSeatPrice: 30 * (1 + 1e-12) },
    workflows: sample,
    overrides: {},
    typed: {},
  },
  {
    title: "a ROI on the hurdle within the tolerance: the hurdle a relative 1e-12 above Operations reports' 300 %",
    edits: [{ name: "AIBUDGET_HurdleRoi", value: 3 * (1 + 1e-12) }],
    assumptions: { ...DEFAULT_ASSUMPTIONS, hurdleRoi: 3 * (1 + 1e-12) },
    workflows: sample,
    overrides: {},
    typed: {},
  },
];

const written = writeAnalysis(base);
let results: Recalculated[] = [];
let unknownWord: Recalculated;

beforeAll(async () => {
  const bytes = await written;
  const files = await Promise.all(scenarios.map((s) => edited(bytes, s.edits)));
  const broken = await edited(bytes, [
    allocationInput(OPERATIONS, "Integration", "sometimes"),
    allocationInput(SALES, "People", "ten"),
  ]);
  const all = await recalculated([...files, broken]);
  results = all.slice(0, scenarios.length);
  unknownWord = all[scenarios.length];
}, 180_000);

describe.each(scenarios.map((s, i) => [s.title, i] as const))("the sample, %s", (_title, i) => {
  const scenario = scenarios[i];
  const analysis = analyse(scenario.workflows, scenario.assumptions, scenario.overrides);
  const expected = expectedLayout(analysis, scenario.typed, base.assumptions.years);
  const longer = analysis.assumptions.years > base.assumptions.years;

  it("LibreOffice's figures on every sheet are the model's for the edited inputs", () => {
    // Past the columns, Total and Present value cannot equal the model's: the staleness cell says so instead.
    const skip = new Set<string>();
    if (longer) {
      const total = columnLetter(2 + base.assumptions.years + 1);
      const pv = columnLetter(2 + base.assumptions.years + 2);
      for (let row = budgetRow("Enterprise seats"); row <= budgetRow("Per-seat: Net"); row++) {
        skip.add(`AI Budget!${total}${row}`).add(`AI Budget!${pv}${row}`);
      }
      skip.add("AI Budget!A1");
    }
    const { compared, wrong } = disagreements(results[i], expected, LIVE_ROLES, skip);
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(300);
    expect(errorCells(results[i], expected.sheets)).toEqual([]);
  });

  it("AI Budget's present values equal AI Comparison's, or it says the horizon outgrew it", () => {
    const pv = columnLetter(2 + base.assumptions.years + 2);
    const staleness = valueAt(results[i], "AI Budget", "A1");
    if (longer) {
      expect(staleness).toBe(
        "The horizon is now 5 years, but this budget shows 3: run the analysis again to see every year.",
      );
      return;
    }
    expect([null, undefined, ""]).toContain(staleness);
    const pairs: [string, string][] = [
      ["Total cost", "PV costs"],
      ["Value", "PV benefits"],
      ["Net", "NPV"],
      ["Per-seat: Seats", "PV costs"],
      ["Per-seat: Value", "PV benefits"],
      ["Per-seat: Net", "NPV"],
    ];
    for (const [line, figure] of pairs) {
      const column = line.startsWith("Per-seat") ? "B" : "C";
      const budget = valueAt(results[i], "AI Budget", `${pv}${budgetRow(line as "Net")}`);
      const comparison = valueAt(results[i], "AI Comparison", `${column}${comparisonRow(figure as "NPV")}`);
      expect([line, agrees(budget, comparison)]).toEqual([line, true]);
    }
  });
});

describe("what the edits did", () => {
  const rows = bodyRows(sample.length);
  const tierAt = (workbook: Recalculated, i: number) =>
    valueAt(workbook, "AI Allocation", `${allocationLetter("Tier")}${rows.first + i}`);
  const reasonAt = (workbook: Recalculated, i: number) =>
    valueAt(workbook, "AI Allocation", `${allocationLetter("Reason")}${rows.first + i}`);

  it("flipped tiers and applied or refused the tiers set by hand, with the reason to match", () => {
    const [unchanged, edits] = results;
    expect(tierAt(unchanged, WAREHOUSE)).toBe("None");
    expect(tierAt(edits, WAREHOUSE)).toBe("Consumer");
    expect(tierAt(unchanged, OPERATIONS)).toBe("Consumer");
    expect(tierAt(edits, OPERATIONS)).toBe("None");
    expect(tierAt(edits, COMMS)).toBe("Enterprise");
    expect(reasonAt(edits, COMMS)).toBe("Set by hand; the model chose Consumer");
    expect(tierAt(edits, SUPPORT)).toBe("Enterprise");
    expect(reasonAt(edits, SUPPORT)).toBe(
      "Consumer set by hand is refused (sensitive data rules it out), so the model's Enterprise stands",
    );
    expect(reasonAt(edits, SALES)).toBe(
      'Tier set by hand "Premium" is not Enterprise, Consumer or None, so the model\'s Enterprise stands',
    );
  });

  it("decides an exact tie and a tie within the tolerance for Consumer, as the model does", () => {
    const [, , , , tie, nearTie] = results;
    for (const workbook of [tie, nearTie]) {
      for (const i of [OPERATIONS, COMMS]) {
        expect(tierAt(workbook, i)).toBe("Consumer");
        expect(reasonAt(workbook, i)).toMatch(
          /^Consumer nets the same as Enterprise \([\d,]+\), and the cheaper tool wins a tie; both clear the hurdle 100 %$/,
        );
      }
    }
  });

  it("lets a ROI within the tolerance of the hurdle clear it, as the model does", () => {
    const onHurdle = results[6];
    expect(tierAt(onHurdle, OPERATIONS)).toBe("Consumer");
    expect(reasonAt(onHurdle, OPERATIONS)).toBe(
      "Consumer ROI 300 % clears the hurdle 300 %; Enterprise ROI 166 % is below the hurdle 300 %",
    );
  });

  it("gives an unknown Integration word and a People typed as text empty figures and a Reason naming them", () => {
    // Every figure after the inputs, and every working after the survival except the capture, shows "".
    const figures = ALLOCATION_HEADERS.slice(ALLOCATION_HEADERS.indexOf("Tier")).filter((h) => h !== "Reason");
    const workings = WORKINGS_HEADERS.slice(WORKINGS_HEADERS.indexOf("Hours saved")).filter(
      (h) => h !== "Standard capture",
    );
    const empties = (i: number) =>
      [
        ...figures.map((h) => valueAt(unknownWord, "AI Allocation", `${allocationLetter(h)}${rows.first + i}`)),
        ...workings.map((h) => valueAt(unknownWord, "AI Workings", `${workingsLetter(h)}${rows.first + i}`)),
      ].filter((v) => !(v === null || v === undefined || v === ""));
    expect(empties(OPERATIONS)).toEqual([]);
    expect(empties(SALES)).toEqual([]);
    expect(reasonAt(unknownWord, OPERATIONS)).toBe('No figures: Integration "sometimes" is not none, light or deep');
    expect(reasonAt(unknownWord, SALES)).toBe("No figures: People is empty or not a number");
    expect(errorCells(unknownWord, buildAnalysisLayout(base).sheets)).toEqual([]);
    // The other rows still decide as before.
    expect(tierAt(unknownWord, SUPPORT)).toBe("Enterprise");
  });
});
