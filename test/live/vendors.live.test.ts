import { DEFAULT_ASSUMPTIONS, type Workflow } from "../../src/model";
import {
  LIVE_ROLES,
  allocationInput,
  analyse,
  disagreements,
  edited,
  errorCells,
  expectedLayout,
  recalculated,
  valueAt,
  writeAnalysis,
  type Recalculated,
} from "./liveModel";

/**
 * AI Vendors as a live sheet: vendors whose names hold SUMIFS' wildcards, two spellings of one vendor, a vendor
 * figure copied to a later row, and a row whose tier flips to Enterprise after an edit, filling in its vendor.
 */

const row = (w: Partial<Workflow> & { name: string }): Workflow => ({
  people: 10,
  tasksPerPersonPerMonth: 100,
  minutesSavedPerTask: 20,
  hourlyCost: 80,
  adoption: null,
  sensitiveData: true,
  integration: "deep",
  integrationCost: null,
  vendor: null,
  vendorSurvival: null,
  ...w,
});

const workflows: Workflow[] = [
  row({ name: "Claims intake", vendor: "Acme*", vendorSurvival: 0.8 }),
  row({ name: "Claims review", vendor: " acme* ", integration: "light" }),
  row({ name: "Billing", vendor: "Acme", minutesSavedPerTask: 1 }),
  row({ name: "Notes", sensitiveData: false, integration: "none" }),
];
const BILLING = 2;

let before: Recalculated;
let after: Recalculated;
const flipped = workflows.map((w, i) => (i === BILLING ? { ...w, minutesSavedPerTask: 30 } : w));

beforeAll(async () => {
  const bytes = await writeAnalysis(analyse(workflows));
  [before, after] = await recalculated([
    bytes,
    await edited(bytes, [allocationInput(BILLING, "Minutes saved per task", 30)]),
  ]);
}, 120_000);

const vendorRow = (results: Recalculated, r: number) =>
  ["A", "B", "C", "D", "E"].map((c) => valueAt(results, "AI Vendors", `${c}${r}`));

test("AI Vendors and every other sheet give the model's figures, before and after the tier flips", () => {
  const base = analyse(workflows);
  expect(base.vendors.map((v) => v.vendor)).toEqual(["Acme*", "Acme", "(no vendor named)"]);
  expect(base.analyses[BILLING].tier).toBe("None");
  const changed = analyse(flipped, DEFAULT_ASSUMPTIONS);
  expect(changed.analyses[BILLING].tier).toBe("Enterprise");
  for (const [results, analysis] of [
    [before, base],
    [after, changed],
  ] as const) {
    const expected = expectedLayout(analysis, {}, analysis.assumptions.years);
    expect(disagreements(results, expected, LIVE_ROLES).wrong).toEqual([]);
    expect(errorCells(results, expected.sheets)).toEqual([]);
  }
});

test("an exact comparison keeps Acme* and Acme apart, and Acme fills in when its row turns Enterprise", () => {
  // Acme*: its first figure, 0.8, its two rows; Acme's row is None until the edit.
  expect(vendorRow(before, 3).slice(0, 3)).toEqual(["Acme*", 0.8, 2]);
  expect(vendorRow(before, 4)).toEqual(["Acme", 0.9, 0, 0, 0]);
  expect(vendorRow(after, 4).slice(0, 4)).toEqual(["Acme", 0.9, 1, 10]);
  expect(vendorRow(after, 3).slice(0, 3)).toEqual(["Acme*", 0.8, 2]);
  // The later Acme* row shows the vendor's figure as a copy on AI Allocation, and its rebuild uses it.
  expect(valueAt(before, "AI Allocation", "L4")).toBe(0.8);
  expect(valueAt(before, "AI Workings", "C4")).toBe(0.8);
});
