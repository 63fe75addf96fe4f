import { capture, vendorKey, UNNAMED_VENDOR, type WorkflowAnalysis } from "../../model";
import { rangeAddress } from "../a1";
import type { LayoutCell, LayoutValue, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { PERCENT, filledCell, formulaCell, header, note, orEmpty } from "./formats";
import {
  HEADER_ROW,
  WORKINGS_HEADERS,
  allocationCell,
  bodyRows,
  workingsLetter,
  type AllocationHeader,
  type WorkingsHeader,
} from "./geometry";
import { sensitiveFormula } from "./reasonFormula";
import { INPUT_NAMES, SHEET_NAMES, WORKINGS_TABLE, WORKING_NAMES } from "./names";

const N = INPUT_NAMES;
const HOURS = "#,##0.0";

/** A relative-1e-9 "at least", the model's tolerance (model.md, "Conventions"), as a formula. */
export function atLeastFormula(a: string, b: string): string {
  return `OR(${a}>=${b},ABS(${a}-${b})<=1E-9*MAX(ABS(${a}),ABS(${b})))`;
}

/** The formulas of AI Workings' row `row`: one pattern down each column, over AI Allocation and the assumptions. */
export function workingsFormulas(row: number): Record<WorkingsHeader, string> {
  const al = (h: AllocationHeader) => allocationCell(h, row);
  const w = (h: WorkingsHeader) => `${workingsLetter(h)}${row}`;
  const need = `LOWER(TRIM(${al("Integration")}))`;
  const valid = w("Hours saved");
  const guard = (formula: string) => `=IF(${valid}="","",${formula})`;
  const hurdle = N.hurdleRoi;
  const netE = `(${w("Enterprise PV benefits")}-${w("Enterprise PV costs")})`;
  const netC = `(${w("Consumer PV benefits")}-${w("Consumer PV costs")})`;
  const survival = w("Enterprise survival");
  const r = N.discountRate;
  const numberOrEmpty = (h: AllocationHeader) => `OR(${al(h)}="",ISNUMBER(${al(h)}))`;
  return {
    Workflow: `=""&${al("Workflow")}`,
    "Vendor key": `=IF(TRIM(${al("Vendor")})="","${UNNAMED_VENDOR}",LOWER(TRIM(${al("Vendor")})))`,
    "Enterprise survival": `=IF(ISNUMBER(${al("Vendor survival")}),${al("Vendor survival")},${N.vendorSurvival})`,
    "Hours saved":
      `=IF(AND(ISNUMBER(${al("People")}),ISNUMBER(${al("Tasks per person per month")}),ISNUMBER(${al("Minutes saved per task")}),` +
      `ISNUMBER(${al("Hourly cost")}),${numberOrEmpty("Adoption")},${numberOrEmpty("Integration cost")},${numberOrEmpty("Vendor survival")},` +
      `ISNUMBER(${w("Standard capture")})),${al("People")}*${al("Tasks per person per month")}*12*${al("Minutes saved per task")}/60*` +
      `IF(${al("Adoption")}="",${N.adoption},${al("Adoption")}),"")`,
    "Enterprise annual value": guard(`${valid}*${al("Hourly cost")}*${N.confidence}`),
    "Enterprise annual cost": guard(
      `${al("People")}*${N.enterpriseSeatPrice}*12+${N.integrationUpkeep}*${w("Enterprise one-time cost")}`,
    ),
    "Enterprise one-time cost": guard(
      `IF(${al("Integration cost")}="",IF(${need}="light",${N.integrationCostLight},IF(${need}="deep",${N.integrationCostDeep},${N.integrationCostNone})),${al("Integration cost")})`,
    ),
    // Closed form of sum over t = 1..Y of s^(t-1)(1-s)/(1+r)^t, a geometric series in s/(1+r); 0 where s = 1.
    "Enterprise expected rebuild": guard(
      `${w("Enterprise one-time cost")}*IF(${survival}=1,0,(1-${survival})*(1-(${survival}/(1+${r}))^${N.years})/(1+${r}-${survival}))`,
    ),
    "Enterprise PV benefits": guard(`${w("Enterprise annual value")}*${WORKING_NAMES.valueAnnuity}`),
    "Enterprise PV costs": guard(
      `${w("Enterprise one-time cost")}+${w("Enterprise annual cost")}*${WORKING_NAMES.annuity}+${w("Enterprise expected rebuild")}`,
    ),
    "Enterprise ROI": guard(
      `IF(${w("Enterprise PV costs")}=0,"",(${w("Enterprise PV benefits")}-${w("Enterprise PV costs")})/${w("Enterprise PV costs")})`,
    ),
    "Enterprise qualifies": guard(
      `IF(${w("Enterprise PV costs")}=0,${w("Enterprise PV benefits")}>0,${atLeastFormula(w("Enterprise ROI"), hurdle)})`,
    ),
    "Consumer annual value": guard(`${w("Enterprise annual value")}*${w("Standard capture")}`),
    "Consumer annual cost": guard(`${al("People")}*${N.consumerSeatPrice}*12`),
    "Consumer PV benefits": guard(`${w("Enterprise PV benefits")}*${w("Standard capture")}`),
    "Consumer PV costs": guard(`${w("Consumer annual cost")}*${WORKING_NAMES.annuity}`),
    "Consumer ROI": guard(
      `IF(${w("Consumer PV costs")}=0,"",(${w("Consumer PV benefits")}-${w("Consumer PV costs")})/${w("Consumer PV costs")})`,
    ),
    "Consumer qualifies": guard(
      `IF(${sensitiveFormula(al("Sensitive data"))},FALSE,IF(${w("Consumer PV costs")}=0,${w("Consumer PV benefits")}>0,${atLeastFormula(w("Consumer ROI"), hurdle)}))`,
    ),
    "Model's tier": guard(
      `IF(AND(${w("Enterprise qualifies")},${w("Consumer qualifies")}),IF(OR(${netC}>${netE},ABS(${netC}-${netE})<=1E-9*MAX(ABS(${netC}),ABS(${netE}))),"Consumer","Enterprise"),` +
        `IF(${w("Enterprise qualifies")},"Enterprise",IF(${w("Consumer qualifies")},"Consumer","None")))`,
    ),
    "Standard capture": `=IF(OR(${need}="",${need}="none"),${N.captureNone},IF(${need}="light",${N.captureLight},IF(${need}="deep",${N.captureDeep},"")))`,
    "Per-seat annual value": guard(`${w("Enterprise annual value")}*${w("Standard capture")}`),
  };
}

/** The capture the analysis used for a need: the assumptions' where the model carries them, else model.md's. */
export function captureUsed(analysis: Analysis, need: "none" | "light" | "deep"): number {
  const own = (analysis.assumptions as { capture?: Partial<Record<"none" | "light" | "deep", number>> }).capture;
  return own?.[need] ?? capture(need);
}

/** The model's figure for each working of one row: what the formulas compute, computed by the model. */
function workingsValues(a: WorkflowAnalysis, share: number): Record<WorkingsHeader, LayoutValue> {
  const e = a.enterprise;
  const d = a.decision;
  return {
    Workflow: a.workflow.name,
    "Vendor key": vendorKey(a.workflow.vendor) ?? UNNAMED_VENDOR,
    "Enterprise survival": a.survival,
    "Hours saved": e.hoursSaved,
    "Enterprise annual value": e.annualValue,
    "Enterprise annual cost": e.annualCost,
    "Enterprise one-time cost": e.oneTimeCost,
    "Enterprise expected rebuild": e.switchCost,
    "Enterprise PV benefits": e.pvBenefits,
    "Enterprise PV costs": e.pvCosts,
    "Enterprise ROI": orEmpty(d.enterprise.roi),
    "Enterprise qualifies": d.enterprise.qualifies,
    "Consumer annual value": a.consumer.annualValue,
    "Consumer annual cost": a.consumer.annualCost,
    "Consumer PV benefits": d.consumer.value,
    "Consumer PV costs": a.consumer.pvCosts,
    "Consumer ROI": orEmpty(d.consumer.roi),
    "Consumer qualifies": d.consumer.qualifies,
    "Model's tier": d.tier,
    "Standard capture": share,
    "Per-seat annual value": e.annualValue * share,
  };
}

function formatOf(h: WorkingsHeader, money: string): string | undefined {
  if (h === "Enterprise survival" || h === "Standard capture" || h.endsWith("ROI")) return PERCENT;
  if (h === "Hours saved") return HOURS;
  if (h.includes("value") || h.includes("cost") || h.includes("rebuild") || h.includes("PV")) return money;
  return undefined;
}

/**
 * AI Workings: what the tier rule weighs, per workflow, in AI Allocation's order and rows, all formulas. A
 * financial model keeps its workings apart from its inputs and outputs; this is where an auditor follows a tier
 * from the inputs to the decision.
 */
export function workingsSheet(analysis: Analysis, money: string): SheetLayout {
  const rows = bodyRows(analysis.analyses.length);
  const body: (LayoutCell | null)[][] = analysis.analyses.map((a, i) => {
    const row = rows.first + i;
    // The first row's formulas are filled down the rest (fills below).
    const formulas = i === 0 ? workingsFormulas(row) : null;
    const values = workingsValues(a, captureUsed(analysis, a.workflow.integration));
    return WORKINGS_HEADERS.map((h) =>
      formulas ? formulaCell(formulas[h], values[h], formatOf(h, money)) : filledCell(values[h], formatOf(h, money)),
    );
  });
  if (body.length === 0) body.push(WORKINGS_HEADERS.map(() => null));
  return {
    role: "workings",
    name: SHEET_NAMES.workings,
    rows: [
      [
        note(
          `Workings of the tier rule, one row per workflow of ${SHEET_NAMES.allocation}: formulas over its inputs and ` +
            `${SHEET_NAMES.assumptions}. Edit those, not these.`,
        ),
      ],
      WORKINGS_HEADERS.map(header),
      ...body,
    ],
    tables: [{ name: WORKINGS_TABLE, range: rangeAddress(HEADER_ROW, 1, rows.last, WORKINGS_HEADERS.length) }],
    columnWidths: WORKINGS_HEADERS.map((h, i) => (i === 0 ? 34 : Math.max(12, Math.min(h.length + 2, 26)))),
    charts: [],
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: HEADER_ROW, last: HEADER_ROW } },
    fills: [{ firstRow: rows.first, lastRow: rows.last, firstColumn: 1, lastColumn: WORKINGS_HEADERS.length }],
  };
}
