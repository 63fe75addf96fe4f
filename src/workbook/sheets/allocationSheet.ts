import { vendorKey, type WorkflowAnalysis } from "../../model";
import { rangeAddress } from "../a1";
import type { LayoutCell, LayoutValidation, LayoutValue, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import {
  COST_PER_UNIT,
  MINUTES,
  PAYBACK,
  PERCENT,
  filledCell,
  formulaCell,
  header,
  input,
  label,
  note,
  orEmpty,
  totalCell,
} from "./formats";
import {
  ALLOCATION_HEADERS,
  HEADER_ROW,
  allocationLetter,
  bodyRows,
  workingsCell,
  type AllocationHeader,
  type BodyRows,
} from "./geometry";
import { handAcceptedFormula, reasonFormula, reasonText, sensitiveFormula } from "./reasonFormula";
import { ALLOCATION_TABLE, INPUT_NAMES, SHEET_NAMES, WORKING_NAMES } from "./names";

export { ALLOCATION_HEADERS };

const N = INPUT_NAMES;

/** The formulas of AI Allocation's row `row`, after its inputs. */
export function allocationFormulas(row: number): Partial<Record<AllocationHeader, string>> {
  const own = (h: AllocationHeader) => `${allocationLetter(h)}${row}`;
  const wk = (h: Parameters<typeof workingsCell>[0]) => workingsCell(h, row);
  const tier = own("Tier");
  const sensitive = sensitiveFormula(own("Sensitive data"));
  const hand = own("Tier set by hand");
  const byTier = (enterprise: string, consumer: string) =>
    `=IF(${tier}="","",IF(${tier}="Enterprise",${enterprise},IF(${tier}="Consumer",${consumer},0)))`;
  const supported = `OR(${tier}="",${tier}="None")`;
  const net = `(${own("Annual value")}-${own("Annual cost")})`;
  // model.md's value_per_minute of the Enterprise option; the Consumer one is it times the capture.
  const perMinute =
    `(${own("People")}*${own("Tasks per person per month")}*12/60*IF(${own("Adoption")}="",${N.adoption},${own("Adoption")})` +
    `*${own("Hourly cost")}*${N.confidence}*${WORKING_NAMES.valueAnnuity})`;
  const consumerPerMinute = `(${perMinute}*${wk("Standard capture")})`;
  const breakeven = (valuePerMinute: string, pvCosts: string) =>
    `IF(${valuePerMinute}=0,"",IF(${pvCosts}=0,0,(1+${N.hurdleRoi})*${pvCosts}/${valuePerMinute}))`;
  const ofEnterprise = breakeven(perMinute, wk("Enterprise PV costs"));
  const ofConsumer = breakeven(consumerPerMinute, wk("Consumer PV costs"));
  const minutes = own("Minutes saved per task");
  return {
    Tier:
      `=IF(${wk("Model's tier")}="","",IF(LOWER(TRIM(${hand}))="enterprise","Enterprise",IF(LOWER(TRIM(${hand}))="none","None",` +
      `IF(${handAcceptedFormula(hand, sensitive)},"Consumer",${wk("Model's tier")}))))`,
    Reason: reasonFormula(row),
    "Annual value": byTier(wk("Enterprise annual value"), wk("Consumer annual value")),
    "Annual cost": byTier(wk("Enterprise annual cost"), wk("Consumer annual cost")),
    "One-time cost": byTier(wk("Enterprise one-time cost"), "0"),
    "PV benefits": byTier(wk("Enterprise PV benefits"), wk("Consumer PV benefits")),
    "PV costs": byTier(wk("Enterprise PV costs"), wk("Consumer PV costs")),
    NPV: `=IF(${tier}="","",${own("PV benefits")}-${own("PV costs")})`,
    ROI: `=IF(${supported},"",IF(${own("PV costs")}=0,"",${own("NPV")}/${own("PV costs")}))`,
    "Payback (months)": `=IF(${supported},"",IF(${net}<=0,"never",IF(${own("One-time cost")}=0,0,${own("One-time cost")}/(${net}/12))))`,
    "Cost per unit of value": `=IF(${supported},"",IF(${own("PV benefits")}=0,"",${own("PV costs")}/${own("PV benefits")}))`,
    "Break-even minutes":
      `=IF(${tier}="","",IF(${tier}="Enterprise",${ofEnterprise},IF(${tier}="Consumer",${ofConsumer},` +
      `IF(${sensitive},${ofEnterprise},IF(${ofEnterprise}="",${ofConsumer},IF(${ofConsumer}="",${ofEnterprise},MIN(${ofEnterprise},${ofConsumer})))))))`,
    "Safety margin": `=IF(OR(${own("Break-even minutes")}="",NOT(ISNUMBER(${minutes}))),"",IF(${minutes}=0,"",1-${own("Break-even minutes")}/${minutes}))`,
  };
}

/**
 * The Vendor survival cell as sheets.md has it: the row's own figure, else its vendor's first figure as a value
 * (a copy: it does not follow an edit of the row it came from), else empty, so the default applies and follows
 * an edit of AIBUDGET_VendorSurvival.
 */
function survivalShown(analyses: readonly WorkflowAnalysis[]): (number | null)[] {
  const first = new Map<string, number>();
  for (const a of analyses) {
    const key = vendorKey(a.workflow.vendor);
    if (key !== null && a.workflow.vendorSurvival !== null && !first.has(key))
      first.set(key, a.workflow.vendorSurvival);
  }
  return analyses.map((a) => {
    if (a.workflow.vendorSurvival !== null) return a.workflow.vendorSurvival;
    const key = vendorKey(a.workflow.vendor);
    return key === null ? null : (first.get(key) ?? null);
  });
}

function inputCells(a: WorkflowAnalysis, hand: string | null, survival: number | null, money: string, price: string) {
  const w = a.workflow;
  const values: Record<string, [LayoutValue, string | undefined]> = {
    Workflow: [w.name, undefined],
    "Task type": [w.taskType ?? null, undefined],
    People: [w.people, undefined],
    "Tasks per person per month": [w.tasksPerPersonPerMonth, undefined],
    "Minutes saved per task": [w.minutesSavedPerTask, undefined],
    "Hourly cost": [w.hourlyCost, price],
    Adoption: [w.adoption, PERCENT],
    "Sensitive data": [w.sensitiveData ? "Yes" : "No", undefined],
    Integration: [w.integration, undefined],
    "Integration cost": [w.integrationCost, money],
    Vendor: [w.vendor ?? null, undefined],
    "Vendor survival": [survival, PERCENT],
    "Tier set by hand": [hand, undefined],
  };
  return values;
}

function figureValues(a: WorkflowAnalysis, hand: string | null): Partial<Record<AllocationHeader, LayoutValue>> {
  const f = a.chosen;
  const none = a.tier === "None";
  return {
    Tier: a.tier,
    Reason: reasonText(a.decision, a.workflow.sensitiveData, hand),
    "Annual value": f.annualValue,
    "Annual cost": f.annualCost,
    "One-time cost": f.oneTimeCost,
    "PV benefits": f.pvBenefits,
    "PV costs": f.pvCosts,
    NPV: f.npv,
    ROI: none ? "" : orEmpty(f.roi),
    "Payback (months)": none ? "" : (f.paybackMonths ?? "never"),
    "Cost per unit of value": none || f.pvBenefits === 0 ? "" : f.pvCosts / f.pvBenefits,
    "Break-even minutes": orEmpty(a.breakevenMinutes),
    "Safety margin": orEmpty(a.safetyMargin),
  };
}

function figureFormat(h: AllocationHeader, money: string): string | undefined {
  switch (h) {
    case "ROI":
    case "Safety margin":
      return PERCENT;
    case "Payback (months)":
      return PAYBACK;
    case "Cost per unit of value":
      return COST_PER_UNIT;
    case "Break-even minutes":
      return MINUTES;
    case "Tier":
    case "Reason":
      return undefined;
    default:
      return money;
  }
}

/** The columns the totals row sums. */
const SUMMED: readonly AllocationHeader[] = [
  "People",
  "Annual value",
  "Annual cost",
  "One-time cost",
  "PV benefits",
  "PV costs",
  "NPV",
];

function totalsRow(analysis: Analysis, rows: BodyRows, money: string): (LayoutCell | null)[] {
  const { portfolio } = analysis.comparison;
  const people = analysis.analyses.reduce((sum, a) => sum + a.workflow.people, 0);
  const cached: Partial<Record<AllocationHeader, number>> = {
    People: people,
    "Annual value": portfolio.annualValue,
    "Annual cost": portfolio.annualCost,
    "One-time cost": portfolio.oneTimeCost,
    "PV benefits": portfolio.pvBenefits,
    "PV costs": portfolio.pvCosts,
    NPV: portfolio.npv,
  };
  const totals: (LayoutCell | null)[] = ALLOCATION_HEADERS.map(() => null);
  const at = (h: AllocationHeader) => `${allocationLetter(h)}${rows.totals}`;
  const index = (h: AllocationHeader) => ALLOCATION_HEADERS.indexOf(h);
  totals[0] = { ...label("Total"), style: "total" };
  for (const h of SUMMED) {
    const c = allocationLetter(h);
    totals[index(h)] = totalCell(
      `=SUM(${c}${rows.first}:${c}${rows.last})`,
      cached[h]!,
      h === "People" ? undefined : money,
    );
  }
  totals[index("ROI")] = totalCell(
    `=IF(${at("PV costs")}=0,"",${at("NPV")}/${at("PV costs")})`,
    orEmpty(portfolio.roi),
    PERCENT,
  );
  totals[index("Cost per unit of value")] = totalCell(
    `=IF(${at("PV benefits")}=0,"",${at("PV costs")}/${at("PV benefits")})`,
    orEmpty(portfolio.costPerUnitOfValue),
    COST_PER_UNIT,
  );
  return totals;
}

export const ALLOCATION_NOTE =
  "Blue cells are inputs, copied from the source table: an edit here moves every figure, tiers included, but the " +
  "next run reads the source again, so change the source to keep it (Tier set by hand is kept). Adding or removing " +
  "a workflow needs the analysis run again.";

/**
 * AI Allocation: one row per analysed workflow as the table AIAllocation, its cleaned inputs then its figures as
 * formulas over them and AI Workings, and a plain totals row directly below (not the table's own totals row: a
 * plain row writes the same through both adapters, and SUM over an explicit range recalculates anywhere).
 */
export function allocationSheet(analysis: Analysis, money: string, price: string): SheetLayout {
  const rows = bodyRows(analysis.analyses.length);
  const survivals = survivalShown(analysis.analyses);
  const inputsEnd = ALLOCATION_HEADERS.indexOf("Tier set by hand");
  const body: (LayoutCell | null)[][] = analysis.analyses.map((a, i) => {
    const row = rows.first + i;
    const hand = analysis.tiersSetByHand[a.workflow.name] ?? a.override ?? null;
    const inputs = inputCells(a, hand, survivals[i], money, price);
    // The first row's formulas are filled down the rest (fills below): one formula a column, not one a cell.
    const formulas = i === 0 ? allocationFormulas(row) : null;
    const values = figureValues(a, hand);
    return ALLOCATION_HEADERS.map((h, k) => {
      if (k <= inputsEnd) return input(inputs[h][0], inputs[h][1]);
      const format = figureFormat(h, money);
      return formulas ? formulaCell(formulas[h]!, values[h] ?? "", format) : filledCell(values[h] ?? "", format);
    });
  });
  if (body.length === 0) body.push(ALLOCATION_HEADERS.map(() => null));

  const column = (h: AllocationHeader) => {
    const c = allocationLetter(h);
    return `${c}${rows.first}:${c}${rows.last}`;
  };
  const validations: LayoutValidation[] = [
    { range: column("Sensitive data"), kind: "list", items: ["Yes", "No"] },
    { range: column("Integration"), kind: "list", items: ["none", "light", "deep"] },
    { range: column("Tier set by hand"), kind: "list", items: ["Enterprise", "Consumer", "None"] },
    { range: column("Adoption"), kind: "decimal", min: 0, max: 1 },
    { range: column("Vendor survival"), kind: "decimal", min: 0, max: 1 },
  ];

  return {
    role: "allocation",
    name: SHEET_NAMES.allocation,
    rows: [[note(ALLOCATION_NOTE)], ALLOCATION_HEADERS.map(header), ...body, totalsRow(analysis, rows, money)],
    tables: [{ name: ALLOCATION_TABLE, range: rangeAddress(HEADER_ROW, 1, rows.last, ALLOCATION_HEADERS.length) }],
    columnWidths: [
      34, 16, 9, 14, 12, 11, 10, 10, 11, 13, 16, 10, 13, 12, 70, 13, 13, 13, 13, 13, 13, 9, 10, 12, 12, 10,
    ],
    charts: [],
    validations,
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: HEADER_ROW, last: HEADER_ROW } },
    fills: [
      { firstRow: rows.first, lastRow: rows.last, firstColumn: inputsEnd + 2, lastColumn: ALLOCATION_HEADERS.length },
    ],
  };
}
