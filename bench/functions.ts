import { existsSync, readFileSync } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import vm from "vm";
import { chooseTier, evaluateOption, seatCost, type IntegrationNeed, type VolumeTier } from "../src/model";

/**
 * How fast the BUILT custom functions answer a 100,000-row spill (functions.md, "Fast"), against a floor: a plain
 * loop over the same numbers calling the same src/model formula, in the same run, so the ratio does not depend on
 * the machine. The ratio is what the functions add: reading every argument, checking it, lifting the ranges. The
 * floor builds the same rows-of-one-answer grid that a spill needs. Printed, never asserted.
 */

const ROWS = 100_000;
const REPETITIONS = 11;
const GOAL = 3;

type Grid = unknown[][];
type Associated = (...args: unknown[]) => unknown;

class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

/** dist/functions.js, found from the repository root above this file (compiled or not). */
function builtFunctionsFile(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, "dist", "functions.js");
    if (existsSync(candidate) && existsSync(path.join(dir, "package.json"))) return candidate;
  }
  throw new Error("dist/functions.js is missing: run `npm run build` first (npm run bench does).");
}

interface Runtime {
  call(id: string, ...args: unknown[]): Grid;
}

/**
 * The bundle run with the shim as its only CustomFunctions. Compiled as a function in this realm rather than in a
 * vm context: Node routes every global lookup in a vm context (Array, Number, Math) through interceptors, which
 * would time Node's sandbox rather than the functions. The isolation itself is tested in
 * test/functions/builtFunctions.test.ts.
 */
function loadRuntime(): Runtime {
  const associated = new Map<string, Associated>();
  const CustomFunctions = {
    Error: RuntimeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    associate: (id: string, fn: Associated) => associated.set(id, fn),
  };
  const bundle = vm.compileFunction(readFileSync(builtFunctionsFile(), "utf8"), ["CustomFunctions"]);
  bundle(CustomFunctions);
  return { call: (id, ...args) => associated.get(id)!(...args) as Grid };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of a few runs, after one to warm up; the check keeps the work from being optimised away. */
function time(name: string, run: () => Grid): number {
  const times: number[] = [];
  for (let i = 0; i <= REPETITIONS; i++) {
    const start = performance.now();
    const result = run();
    if (i > 0) times.push(performance.now() - start);
    if (!Array.isArray(result) || result.length !== ROWS) throw new Error(`${name} did not spill ${ROWS} rows`);
  }
  return median(times);
}

function values<T>(make: (i: number) => T): T[] {
  return Array.from({ length: ROWS }, (_, i) => make(i));
}

function asColumn(list: readonly unknown[]): Grid {
  return list.map((value) => [value]);
}

function line(name: string, spent: number, floor: number): string {
  return (
    `${name} ${ROWS.toLocaleString("en-US")} rows: ${(spent / floor).toFixed(1)}x the floor (goal ≤ ${GOAL}x); ` +
    `${spent.toFixed(1)} ms against ${floor.toFixed(1)} ms`
  );
}

function benchWorkflowRoi(runtime: Runtime): string {
  const tasks = values((i) => 50 + (i % 900));
  const minutes = values((i) => 1 + (i % 30) / 2);
  const hourly = values((i) => 30 + (i % 90) * 1.25);
  const annual = values((i) => (i % 7) * 1000);
  const once = values((i) => (i % 5) * 5000);
  const args = [tasks, minutes, hourly, annual, once].map(asColumn);
  const spent = time("WORKFLOW_ROI", () => runtime.call("WORKFLOW_ROI", ...args));
  const floor = time("the WORKFLOW_ROI floor", () => {
    const result: Grid = new Array(ROWS);
    for (let i = 0; i < ROWS; i++) {
      const figures = evaluateOption({
        tasksPerMonth: tasks[i],
        minutesSavedPerTask: minutes[i],
        hourlyCost: hourly[i],
        annualCost: annual[i],
        oneTimeCost: once[i],
        adoption: 0.8,
        confidence: 0.8,
        years: 3,
        discountRate: 0.1,
        vendorSurvival: 0.9,
      });
      result[i] = [figures.roi];
    }
    return result;
  });
  return line("WORKFLOW_ROI", spent, floor);
}

function benchSeatCost(runtime: Runtime): string {
  const seats = values((i) => i % 700);
  const prices = values((i) => 20 + (i % 15));
  const table = [
    [500, 0.2],
    [50, 0.05],
    [150, 0.1],
  ];
  const tiers: VolumeTier[] = table.map(([minSeats, discount]) => ({ minSeats, discount }));
  const args = [asColumn(seats), asColumn(prices), [[12]], table];
  const spent = time("SEAT_COST", () => runtime.call("SEAT_COST", ...args));
  const floor = time("the SEAT_COST floor", () => {
    const result: Grid = new Array(ROWS);
    for (let i = 0; i < ROWS; i++) result[i] = [seatCost(seats[i], prices[i], 12, tiers)];
    return result;
  });
  return line("SEAT_COST", spent, floor);
}

function benchPortfolioTier(runtime: Runtime): string {
  const value = values((i) => (i % 1000) * 100);
  const enterprise = values((i) => 5000 + (i % 300) * 100);
  const consumer = values((i) => 1000 + (i % 200) * 50);
  const sensitive = values((i) => i % 3 === 0);
  const words = ["none", "Light", "deep"];
  const needs: IntegrationNeed[] = ["none", "light", "deep"];
  const integration = values((i) => words[i % 3]);
  const args = [value, enterprise, consumer, sensitive, integration].map(asColumn);
  const spent = time("PORTFOLIO_TIER", () => runtime.call("PORTFOLIO_TIER", ...args));
  const floor = time("the PORTFOLIO_TIER floor", () => {
    const result: Grid = new Array(ROWS);
    for (let i = 0; i < ROWS; i++) {
      const decision = chooseTier({
        value: value[i],
        enterpriseCost: enterprise[i],
        consumerCost: consumer[i],
        sensitiveData: sensitive[i],
        integration: needs[i % 3],
        hurdleRoi: 1,
      });
      result[i] = [decision.tier];
    }
    return result;
  });
  return line("PORTFOLIO_TIER", spent, floor);
}

export async function benchFunctions(): Promise<string[]> {
  const runtime = loadRuntime();
  return [benchWorkflowRoi(runtime), benchSeatCost(runtime), benchPortfolioTier(runtime)];
}
