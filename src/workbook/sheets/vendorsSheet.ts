import { vendorKey, type VendorSummary } from "../../model";
import { rangeAddress } from "../a1";
import type { LayoutCell, LayoutValue, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { COUNT, PERCENT, cell, formulaCell, header, input, note, orEmpty } from "./formats";
import {
  allocationColumn,
  bodyRows,
  sheetCell,
  workingsColumn,
  HEADER_ROW,
  FIRST_BODY_ROW,
  allocationLetter,
} from "./geometry";
import { comparisonRow } from "./comparisonSheet";
import { INPUT_NAMES, SHEET_NAMES, VENDORS_TABLE } from "./names";

/** AIVendors' columns, in sheets.md's order. CLI's re-run reader finds the notes by the last header: keep it. */
export const VENDORS_HEADERS = [
  "Vendor",
  "Survival",
  "Enterprise workflows",
  "People",
  "One-time cost at stake",
  "PV benefits at stake",
  "Share of portfolio value",
  "Expected rebuild cost",
  "Chance of failure within the horizon",
  "Due diligence",
] as const;
export type VendorsHeader = (typeof VENDORS_HEADERS)[number];

/** Due-diligence notes from an earlier run, by vendor name as written there (compared trimmed, any case). */
export type DueDiligenceNotes = Readonly<Record<string, string>>;

function noteFor(vendor: VendorSummary, notes: DueDiligenceNotes): string | null {
  for (const [name, text] of Object.entries(notes)) {
    if ((vendorKey(name) ?? "(no vendor named)") === vendor.key && text.trim() !== "") return text;
  }
  return null;
}

/**
 * AI Vendors: one row per vendor named by an analysed row, in order of first appearance, then `(no vendor
 * named)` where some row names none. The figures sum AI Allocation's Enterprise rows whose Vendor key is the
 * vendor's, by exact comparison inside SUMPRODUCT (SUMIFS would read *, ? and ~ in a name as wildcards), so a
 * vendor fills in when one of its rows flips to Enterprise. Due diligence is the user's column, kept on re-runs.
 */
export function vendorsSheet(analysis: Analysis, money: string, notes: DueDiligenceNotes = {}): SheetLayout {
  const body = bodyRows(analysis.analyses.length);
  const tiers = allocationColumn("Tier", body);
  const keys = workingsColumn("Vendor key", body);
  const portfolioValue = sheetCell(SHEET_NAMES.comparison, "C", comparisonRow("PV benefits"));
  const firstRowGiving = (v: VendorSummary): number | null => {
    if (!v.named) return null;
    const i = analysis.analyses.findIndex(
      (a) => vendorKey(a.workflow.vendor) === v.key && a.workflow.vendorSurvival !== null,
    );
    return i < 0 ? null : FIRST_BODY_ROW + i;
  };

  const rows: (LayoutCell | null)[][] = analysis.vendors.map((v, i) => {
    const row = FIRST_BODY_ROW + i;
    const enterpriseOf = `(${tiers}="Enterprise")*(${keys}=LOWER(TRIM($A${row})))`;
    const sumOf = (column: string) => `=SUMPRODUCT(${enterpriseOf},${column})`;
    const given = firstRowGiving(v);
    const survivalCell =
      given === null ? null : `'${SHEET_NAMES.allocation}'!$${allocationLetter("Vendor survival")}$${given}`;
    const cells: [string | null, LayoutValue, string | undefined][] = [
      [null, v.vendor, undefined],
      [
        survivalCell === null
          ? `=${INPUT_NAMES.vendorSurvival}`
          : `=IF(ISNUMBER(${survivalCell}),${survivalCell},${INPUT_NAMES.vendorSurvival})`,
        v.survival,
        PERCENT,
      ],
      [`=SUMPRODUCT(${enterpriseOf})`, v.enterpriseWorkflows, COUNT],
      [sumOf(allocationColumn("People", body)), v.people, "#,##0.##"],
      [sumOf(allocationColumn("One-time cost", body)), v.oneTimeCostAtStake, money],
      [sumOf(allocationColumn("PV benefits", body)), v.pvBenefitsAtStake, money],
      [`=IF(${portfolioValue}=0,"",F${row}/${portfolioValue})`, orEmpty(v.shareOfPortfolioValue), PERCENT],
      [sumOf(workingsColumn("Enterprise expected rebuild", body)), v.expectedRebuildCost, money],
      [`=1-B${row}^${INPUT_NAMES.years}`, v.chanceOfFailure, PERCENT],
    ];
    return [
      ...cells.map(([formula, value, format]) =>
        formula === null ? cell(value, format) : formulaCell(formula, value, format),
      ),
      input(noteFor(v, notes)),
    ];
  });
  if (rows.length === 0) rows.push(VENDORS_HEADERS.map(() => null));
  const last = FIRST_BODY_ROW + rows.length - 1;
  return {
    role: "vendors",
    name: SHEET_NAMES.vendors,
    rows: [
      [
        note(
          "What each vendor's Enterprise rows put at stake; formulas over AI Allocation and AI Workings. Due diligence " +
            "is yours: who checked the vendor, when, against what. It is kept when the analysis runs again.",
        ),
      ],
      VENDORS_HEADERS.map(header),
      ...rows,
    ],
    tables: [{ name: VENDORS_TABLE, range: rangeAddress(HEADER_ROW, 1, last, VENDORS_HEADERS.length) }],
    columnWidths: [28, 10, 12, 9, 14, 14, 12, 14, 14, 60],
    charts: [],
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: HEADER_ROW, last: HEADER_ROW } },
  };
}
