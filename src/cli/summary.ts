import type { RunSummary } from "./run";

/** What the command line prints after a run: short, in a finance user's words. */

const MAX_LISTED = 20;

function money(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) lines.push(`  … and ${(items.length - MAX_LISTED).toLocaleString("en-US")} more`);
  return lines;
}

export function formatSummary(summary: RunSummary, outName: string): string {
  const { analysis, written } = summary;
  const { perSeat, portfolio, inflationFactor } = analysis.comparison;
  const lines: string[] = [`Read ${summary.source}.`, "", "Tier per workflow:"];
  const nameWidth = Math.min(40, Math.max(...analysis.analyses.map((a) => a.workflow.name.length)));
  lines.push(
    ...listed(analysis.analyses, (a) => {
      const byHand = a.override !== null ? ` (set by hand; the model chose ${a.decision.tier})` : "";
      return `  ${a.workflow.name.padEnd(nameWidth)}  ${a.tier}${byHand}`;
    }),
  );
  lines.push(
    "",
    `NPV over ${analysis.assumptions.years} years: per-seat plan ${money(perSeat.npv)}, workflow portfolio ${money(portfolio.npv)}.`,
    inflationFactor === null
      ? "Inflation factor: none (one of the plans delivers no value)."
      : `Inflation factor: ${inflationFactor.toFixed(2)} (what the per-seat plan pays per unit of value, over the portfolio's).`,
  );
  const rejected = analysis.reading.rejected;
  if (rejected.length > 0) {
    lines.push("", `Rows not analysed (${rejected.length.toLocaleString("en-US")}):`);
    lines.push(...listed(rejected, (r) => `  ${r.problems.map((p) => p.message).join("; ")}`));
  }
  if (analysis.reading.warnings.length > 0) {
    lines.push("", "Warnings:", ...listed(analysis.reading.warnings, (w) => `  ${w}`));
  }
  lines.push("", `Wrote ${outName} with the sheets:`);
  for (const sheet of written) {
    const note = sheet.renamed
      ? ` (a sheet you made holds the name "${sheet.name.replace(/ \(\d+\)$/, "")}"; it was left untouched)`
      : "";
    lines.push(`  ${sheet.name}${note}`);
  }
  for (const { sheet, chart } of summary.chartsNotDrawn) {
    lines.push(
      `The chart "${chart.title}" is drawn only when the add-in runs in Excel; its data is on ${sheet}!${chart.dataRange}.`,
    );
  }
  if (summary.notCarriedOver.length > 0) {
    lines.push(
      "",
      `Note: the copy does not keep the ${summary.notCarriedOver.join(", ")} of your workbook: the command line ` +
        "rewrites the file and cannot carry them over. Your input file is unchanged; to keep them, run the add-in " +
        "in Excel on the workbook itself.",
    );
  }
  return lines.join("\n");
}
