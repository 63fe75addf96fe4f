import fc from "fast-check";
import { tierAllowed, type Assumptions, type IntegrationNeed, type Tier, type Workflow } from "../../src/model";
import { budgetRow } from "../../src/workbook/sheets/budgetSheet";
import { columnLetter } from "../../src/workbook/a1";
import {
  LIVE_ROLES,
  allocationInput,
  analyse,
  disagreements,
  edited,
  errorCells,
  expectedLayout,
  recalculated,
  writeAnalysis,
  type Edit,
  type TypedHands,
} from "./liveModel";

/**
 * Random tables and assumptions, written as a live model, some edited in the file (an assumption by its defined
 * name, a row's minutes saved, a tier set by hand, the ramp, the horizon), all recalculated by LibreOffice in one
 * run, and compared with the model for the edited inputs. The seed changes every run, so the workbooks are ones
 * no test has seen before; a failure names it.
 */

const WORKBOOKS = 14;

// Vendor names with SUMIFS' wildcard characters, and spellings that differ only in case and outer spaces.
const VENDORS = ["Acme*", " acme* ", "B?t Labs", "~Tilde", "Zeta", "ZETA "];
const WORDS = ["Claims", "Payroll", 'The "big" report', "R&D notes", "Tickets * triage", "Audit ~ prep"];

// Figures as a user types them: whole or with a few decimals, never a denormal a generator might produce.
const money = (max: number) => fc.integer({ min: 0, max });
const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((n) => n / 10 ** places);
const share = decimal(0, 1, 3);
const rate = fc.oneof(fc.constant(0), decimal(0.001, 0.3, 4));

const workflow = (i: number) =>
  fc.record({
    name: fc.constantFrom(...WORDS).map((w) => `${i + 1}. ${w}`),
    people: fc.oneof(fc.integer({ min: 0, max: 150 }), decimal(0.5, 40, 2)),
    tasksPerPersonPerMonth: fc.integer({ min: 0, max: 300 }),
    minutesSavedPerTask: fc.oneof(fc.integer({ min: 0, max: 90 }), decimal(0, 45, 2)),
    hourlyCost: fc.integer({ min: 10, max: 200 }),
    adoption: fc.option(share, { nil: null }),
    sensitiveData: fc.boolean(),
    integration: fc.constantFrom<IntegrationNeed>("none", "light", "deep"),
    integrationCost: fc.option(money(80_000), { nil: null }),
    taskType: fc.constant(undefined),
    vendor: fc.option(fc.constantFrom(...VENDORS), { nil: null }),
    vendorSurvival: fc.option(fc.oneof(fc.constant(1), fc.constant(0), decimal(0.5, 1, 3)), {
      nil: null,
      freq: 2,
    }),
  });

const table = fc
  .integer({ min: 1, max: 7 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => workflow(i))));

const assumptions: fc.Arbitrary<Assumptions> = fc.record({
  years: fc.integer({ min: 1, max: 7 }),
  discountRate: rate,
  confidence: decimal(0.3, 1, 2),
  adoption: share,
  vendorSurvival: decimal(0.5, 1, 3),
  enterpriseSeatPrice: fc.integer({ min: 5, max: 60 }),
  consumerSeatPrice: fc.integer({ min: 5, max: 40 }),
  integrationCost: fc.record({ none: money(5_000), light: money(20_000), deep: money(90_000) }),
  integrationUpkeep: decimal(0, 0.3, 3),
  hurdleRoi: decimal(0, 3, 2),
  rampMonths: fc.oneof(fc.constant(0), decimal(0, 12, 1)),
  sensitivitySwing: fc.constant(0.2),
  headcount: fc.constant(null),
});

type EditPlan =
  | { kind: "discountRate"; value: number }
  | { kind: "years"; value: number }
  | { kind: "rampMonths"; value: number }
  | { kind: "hurdleRoi"; value: number }
  | { kind: "minutes"; row: number; value: number }
  | { kind: "tier"; row: number; word: string };

const editPlan: fc.Arbitrary<EditPlan> = fc.oneof(
  rate.map((value) => ({ kind: "discountRate" as const, value })),
  fc.integer({ min: 1, max: 7 }).map((value) => ({ kind: "years" as const, value })),
  decimal(0, 12, 1).map((value) => ({ kind: "rampMonths" as const, value })),
  decimal(0, 3, 2).map((value) => ({ kind: "hurdleRoi" as const, value })),
  fc
    .tuple(fc.nat(), fc.integer({ min: 0, max: 120 }))
    .map(([row, value]) => ({ kind: "minutes" as const, row, value })),
  fc
    .tuple(fc.nat(), fc.constantFrom("Enterprise", "consumer", "None", " none ", "Gold"))
    .map(([row, word]) => ({ kind: "tier" as const, row, word })),
);

const NAMES = {
  discountRate: "AIBUDGET_DiscountRate",
  years: "AIBUDGET_Years",
  rampMonths: "AIBUDGET_RampMonths",
  hurdleRoi: "AIBUDGET_HurdleRoi",
} as const;

const TIER_WORDS: Record<string, Tier> = { enterprise: "Enterprise", consumer: "Consumer", none: "None" };

interface Case {
  workflows: Workflow[];
  assumptions: Assumptions;
  overrides: Record<string, Tier>;
  plans: EditPlan[];
}

const cases = fc.record({
  workflows: table,
  assumptions,
  handTiers: fc.array(fc.tuple(fc.nat(), fc.constantFrom<Tier>("Enterprise", "Consumer", "None")), { maxLength: 2 }),
  plans: fc.array(editPlan, { maxLength: 4 }),
});

/** The inputs after the edits, and the edits as the file gets them. */
function applyPlans(c: Case): {
  edits: Edit[];
  workflows: Workflow[];
  a: Assumptions;
  overrides: Record<string, Tier>;
  typed: Record<number, string>;
} {
  const workflows = c.workflows.map((w) => ({ ...w }));
  const a = { ...c.assumptions };
  const overrides = { ...c.overrides };
  const typed: Record<number, string> = {};
  const edits: Edit[] = [];
  for (const plan of c.plans) {
    if (plan.kind === "minutes" || plan.kind === "tier") {
      const row = plan.row % workflows.length;
      const w = workflows[row];
      if (plan.kind === "minutes") {
        w.minutesSavedPerTask = plan.value;
        edits.push(allocationInput(row, "Minutes saved per task", plan.value));
        continue;
      }
      edits.push(allocationInput(row, "Tier set by hand", plan.word));
      delete overrides[w.name];
      delete typed[row];
      const tier = TIER_WORDS[plan.word.trim().toLowerCase()];
      if (tier !== undefined && tierAllowed(w, tier)) overrides[w.name] = tier;
      else typed[row] = plan.word;
      continue;
    }
    a[plan.kind] = plan.value;
    edits.push({ name: NAMES[plan.kind], value: plan.value });
  }
  return { edits, workflows, a, overrides, typed };
}

test("random tables, written, edited and recalculated by LibreOffice, give the model's figures", async () => {
  const seed = Date.now() % 2_147_483_647;
  const drawn = fc.sample(cases, { numRuns: WORKBOOKS, seed });
  const prepared = await Promise.all(
    drawn.map(async (d, k) => {
      const overrides: Record<string, Tier> = {};
      for (const [i, tier] of d.handTiers) {
        const w = d.workflows[i % d.workflows.length];
        if (tierAllowed(w, tier)) overrides[w.name] = tier;
      }
      const c: Case = {
        workflows: d.workflows,
        assumptions: d.assumptions,
        overrides,
        plans: k % 3 === 0 ? [] : d.plans,
      };
      const written = analyse(c.workflows, c.assumptions, c.overrides);
      const after = applyPlans(c);
      const bytes = await edited(await writeAnalysis(written), after.edits);
      return { c, written, after, bytes };
    }),
  );
  const results = await recalculated(prepared.map((p) => p.bytes));

  const failures: string[] = [];
  let compared = 0;
  prepared.forEach(({ c, written, after }, k) => {
    const analysis = analyse(after.workflows, after.a, after.overrides);
    const yearsWritten = written.assumptions.years;
    const expected = expectedLayout(analysis, after.typed as TypedHands, yearsWritten);
    const skip = new Set<string>();
    if (after.a.years > yearsWritten) {
      for (let row = budgetRow("Enterprise seats"); row <= budgetRow("Per-seat: Net"); row++) {
        skip.add(`AI Budget!${columnLetter(2 + yearsWritten + 1)}${row}`);
        skip.add(`AI Budget!${columnLetter(2 + yearsWritten + 2)}${row}`);
      }
      skip.add("AI Budget!A1");
    }
    const outcome = disagreements(results[k], expected, LIVE_ROLES, skip);
    compared += outcome.compared;
    const errors = errorCells(results[k], expected.sheets);
    if (outcome.wrong.length > 0 || errors.length > 0) {
      failures.push(
        `seed ${seed}, workbook ${k + 1}: ${JSON.stringify({
          case: c,
          edits: after.edits,
          wrong: outcome.wrong.slice(0, 5).map(({ cell, want, got }) => ({ cell, want, got })),
          errors,
        })}`,
      );
    }
  });
  expect(failures).toEqual([]);
  expect(compared).toBeGreaterThan(WORKBOOKS * 100);
}, 240_000);
