/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { PlanComparison, PlanFigures } from "../../src/model";
import { PlanChart } from "../../src/taskpane/review/PlanChart";

/** The verdict's chart: each bar's figure stands right of it inside the drawing, however large the figures. */

function plan(pvBenefits: number, pvCosts: number): PlanFigures {
  return {
    seats: 1,
    annualCost: 0,
    oneTimeCost: 0,
    annualValue: 0,
    pvBenefits,
    pvCosts,
    npv: pvBenefits - pvCosts,
    roi: null,
    costPerUnitOfValue: null,
  };
}

function figureEnds(perSeat: PlanFigures, portfolio: PlanFigures): { text: string; end: number; width: number }[] {
  const comparison: PlanComparison = { perSeat, portfolio, inflationFactor: null, enterpriseShareOfValue: null };
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <PlanChart comparison={comparison} currency="$" />
    </FluentProvider>,
  );
  const svg = container.querySelector("svg")!;
  const width = Number(svg.getAttribute("viewBox")!.split(" ")[2]);
  return [...svg.querySelectorAll("text")]
    .filter((t) => /\d/.test(t.textContent ?? ""))
    // 12 px text: a digit or comma is at most about 7 px wide.
    .map((t) => ({ text: t.textContent!, end: Number(t.getAttribute("x")) + 7 * t.textContent!.length, width }));
}

test.each([
  ["thousands", plan(536_762, 179_053), plan(1_190_108, 263_522)],
  ["billions (5,000 workflows)", plan(2_426_921_462, 91_764_838), plan(4_275_278_938, 206_335_301)],
])("%s: every figure ends inside the chart", (_, perSeat, portfolio) => {
  const ends = figureEnds(perSeat, portfolio);
  expect(ends).toHaveLength(4);
  for (const e of ends) expect({ text: e.text, inside: e.end <= e.width }).toEqual({ text: e.text, inside: true });
});
