import { existsSync, readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { breakevenMinutes, chooseTier, evaluateOption, seatCost, type VolumeTier } from "../src/model";

/**
 * How fast the BUILT custom functions answer a 100,000-row spill (functions.md, "Fast"), against a floor: a loop
 * over Float64Arrays of the same numbers calling the same src/model formula into a number[][], in the same run, so
 * the ratio does not depend on the machine. As functions.md measures it, every numeric argument is a 100,000 x 1
 * column of numbers and the others (measure, the tier table, the yes/no and the integration need) single values. The ratio is what the functions add: reading every argument, checking
 * it, lifting the ranges. Then how large those spills are as the runtime sends them (functions.md, limits):
 * office.js's custom-functions runtime retries a result that the host refuses in slices of under _maxResultSize,
 * 2,000,000 characters of JSON. Printed, never asserted.
 */

const ROWS = 100_000;
const REPETITIONS = 11;
const GOAL = 3;
/** custom-functions-runtime.js: `this._maxResultSize = 2e6`. */
const MAX_RESULT_SIZE = 2_000_000;

type Grid = unknown[][];
type Associated = (...args: unknown[]) => unknown;

/** The runtime's CustomFunctionError as far as it matters here: its code, message and the JSON it is sent as. */
class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }

  /** As custom-functions-runtime.js writes one into the result it sends (CustomFunctionError.prototype.toJSON). */
  toJSON(): object {
    const messaged = this.code === "#VALUE!" || this.code === "#N/A";
    return {
      valueType: "CustomFunctionError",
      code: this.code,
      type: "Error",
      basicValue: this.code,
      basicType: "Error",
      message: messaged && this.message !== "" ? this.message : undefined,
      errorType: { "#VALUE!": "Value", "#N/A": "NotAvailable", "#DIV/0!": "Div0", "#NUM!": "Num" }[this.code],
    };
  }
}

/** The bundle to measure: AIBUDGET_FUNCTIONS_JS, else dist/functions.js above this file (compiled or not). */
function builtFunctionsFile(): string {
  const chosen = process.env.AIBUDGET_FUNCTIONS_JS;
  if (chosen) return path.resolve(chosen);
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
  return {
    call: (id, ...args) => {
      const fn = associated.get(id);
      if (!fn) throw new Error(`the bundle did not associate ${id}`);
      return fn(...args) as Grid;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Timing {
  spent: number;
  floor: number;
  ratio: number;
}

/**
 * Milliseconds of CPU the process spends on one run (user and system, the engine's helper threads included), not
 * wall time: the bench shares its cores with other work, whose turns would otherwise enter the ratio.
 */
function timed(name: string, run: () => Grid): number {
  const start = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(start);
  if (!Array.isArray(result) || result.length !== ROWS) throw new Error(`${name} did not spill ${ROWS} rows`);
  return (user + system) / 1000;
}

/**
 * The function and its floor, run in turns after one warm-up each: medians of each, and the median of the ratios of
 * each pair, which holds steady on a machine whose load changes under the run.
 */
function compare(name: string, run: () => Grid, floor: () => Grid): Timing {
  timed(name, run);
  timed(`the ${name} floor`, floor);
  const spent: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    spent.push(timed(name, run));
    floors.push(timed(`the ${name} floor`, floor));
    ratios.push(spent[i] / floors[i]);
  }
  return { spent: median(spent), floor: median(floors), ratio: median(ratios) };
}

/** The same numbers twice: a Float64Array for the floor, a one-column range for the function. */
function numbers(make: (i: number) => number): [Float64Array, Grid] {
  const array = Float64Array.from({ length: ROWS }, (_, i) => make(i));
  return [array, Array.from(array, (value) => [value])];
}

function line(name: string, t: Timing): string {
  return (
    `${name} ${ROWS.toLocaleString("en-US")} rows: ${t.ratio.toFixed(1)}x the floor (goal ≤ ${GOAL}x, median of ` +
    `${REPETITIONS} paired runs); ${t.spent.toFixed(1)} ms of CPU against ${t.floor.toFixed(1)} ms`
  );
}

/** Characters of JSON the runtime sends for one result (its `_convertCustomFunctionInvocationResultToArray`). */
function resultSize(result: Grid): number {
  return JSON.stringify([1, true, result, [0]]).length + 1;
}

/** The result's size, and how many rows of the same kind fit in one slice of the runtime's. */
function sizeLine(name: string, result: Grid): string {
  const size = resultSize(result);
  const perRow = (size - resultSize([])) / result.length;
  const fit = Math.floor((MAX_RESULT_SIZE - resultSize([])) / perRow);
  return (
    `${name}: ${size.toLocaleString("en-US")} characters of JSON for ${result.length.toLocaleString("en-US")} rows ` +
    `(${perRow.toFixed(1)} a row): ${fit.toLocaleString("en-US")} rows fit in ${MAX_RESULT_SIZE.toLocaleString("en-US")}`
  );
}

interface Measured {
  line: string;
  /** The size of its result, as sizeLine says it. */
  size: string;
}

function benchWorkflowRoi(runtime: Runtime): Measured {
  const [tasks, tasksRange] = numbers((i) => 50 + (i % 900));
  const [minutes, minutesRange] = numbers((i) => 1 + (i % 30) / 2);
  const [hourly, hourlyRange] = numbers((i) => 30 + (i % 90) * 1.25);
  const [annual, annualRange] = numbers((i) => (i % 7) * 1000);
  const [once, onceRange] = numbers((i) => (i % 5) * 5000);
  const [adoption, adoptionRange] = numbers((i) => 0.5 + (i % 6) / 10);
  const [confidence, confidenceRange] = numbers((i) => 0.6 + (i % 5) / 10);
  const [years, yearsRange] = numbers((i) => 1 + (i % 5));
  const [rate, rateRange] = numbers((i) => (i % 4) / 20);
  const [survival, survivalRange] = numbers((i) => 0.8 + (i % 3) / 20);
  const [ramp, rampRange] = numbers((i) => i % 13);
  const args = [
    tasksRange,
    minutesRange,
    hourlyRange,
    annualRange,
    onceRange,
    adoptionRange,
    confidenceRange,
    yearsRange,
    rateRange,
    survivalRange,
    "roi",
    rampRange,
  ];
  // Measured first, and not kept: a result held through the runs would enlarge the heap each run collects.
  const size = sizeLine("WORKFLOW_ROI roi", runtime.call("WORKFLOW_ROI", ...args));
  const timing = compare(
    "WORKFLOW_ROI",
    () => runtime.call("WORKFLOW_ROI", ...args),
    () => {
      const out: number[][] = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) {
        const figures = evaluateOption({
          tasksPerMonth: tasks[i],
          minutesSavedPerTask: minutes[i],
          hourlyCost: hourly[i],
          annualCost: annual[i],
          oneTimeCost: once[i],
          adoption: adoption[i],
          confidence: confidence[i],
          years: years[i],
          discountRate: rate[i],
          vendorSurvival: survival[i],
          rampMonths: ramp[i],
        });
        out[i] = [figures.roi ?? NaN];
      }
      return out;
    },
  );
  return { line: line("WORKFLOW_ROI", timing), size };
}

function benchSeatCost(runtime: Runtime): Measured {
  const [seats, seatsRange] = numbers((i) => i % 700);
  const [prices, pricesRange] = numbers((i) => 20 + (i % 15));
  const [months, monthsRange] = numbers((i) => 1 + (i % 12));
  const table = [
    [500, 0.2],
    [50, 0.05],
    [150, 0.1],
  ];
  const tiers: VolumeTier[] = table.map(([minSeats, discount]) => ({ minSeats, discount }));
  const args = [seatsRange, pricesRange, monthsRange, table];
  // Measured first, and not kept: a result held through the runs would enlarge the heap each run collects.
  const size = sizeLine("SEAT_COST", runtime.call("SEAT_COST", ...args));
  const timing = compare(
    "SEAT_COST",
    () => runtime.call("SEAT_COST", ...args),
    () => {
      const out: number[][] = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) out[i] = [seatCost(seats[i], prices[i], months[i], tiers)];
      return out;
    },
  );
  return { line: line("SEAT_COST", timing), size };
}

function benchPortfolioTier(runtime: Runtime): Measured {
  const [value, valueRange] = numbers((i) => (i % 1000) * 100);
  const [enterprise, enterpriseRange] = numbers((i) => 5000 + (i % 300) * 100);
  const [consumer, consumerRange] = numbers((i) => 1000 + (i % 200) * 50);
  const [hurdle, hurdleRange] = numbers((i) => (i % 4) / 2);
  const args = [valueRange, enterpriseRange, consumerRange, [[false]], [["Light"]], hurdleRange];
  // Measured first, and not kept: a result held through the runs would enlarge the heap each run collects.
  const size = sizeLine("PORTFOLIO_TIER", runtime.call("PORTFOLIO_TIER", ...args));
  const timing = compare(
    "PORTFOLIO_TIER",
    () => runtime.call("PORTFOLIO_TIER", ...args),
    () => {
      const out: string[][] = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) {
        const decision = chooseTier({
          value: value[i],
          enterpriseCost: enterprise[i],
          consumerCost: consumer[i],
          sensitiveData: false,
          integration: "light",
          hurdleRoi: hurdle[i],
        });
        out[i] = [decision.tier];
      }
      return out;
    },
  );
  return { line: line("PORTFOLIO_TIER", timing), size };
}

function benchBreakevenMinutes(runtime: Runtime): Measured {
  const [tasks, tasksRange] = numbers((i) => 50 + (i % 900));
  const [hourly, hourlyRange] = numbers((i) => 30 + (i % 90) * 1.25);
  const [annual, annualRange] = numbers((i) => (i % 7) * 1000);
  const [once, onceRange] = numbers((i) => (i % 5) * 5000);
  const [adoption, adoptionRange] = numbers((i) => 0.5 + (i % 6) / 10);
  const [confidence, confidenceRange] = numbers((i) => 0.6 + (i % 5) / 10);
  const [years, yearsRange] = numbers((i) => 1 + (i % 5));
  const [rate, rateRange] = numbers((i) => (i % 4) / 20);
  const [survival, survivalRange] = numbers((i) => 0.8 + (i % 3) / 20);
  const [hurdle, hurdleRange] = numbers((i) => (i % 4) / 2);
  const [ramp, rampRange] = numbers((i) => i % 13);
  const args = [
    tasksRange,
    hourlyRange,
    annualRange,
    onceRange,
    adoptionRange,
    confidenceRange,
    yearsRange,
    rateRange,
    survivalRange,
    hurdleRange,
    rampRange,
  ];
  // Measured first, and not kept: a result held through the runs would enlarge the heap each run collects.
  const size = sizeLine("BREAKEVEN_MINUTES", runtime.call("BREAKEVEN_MINUTES", ...args));
  const timing = compare(
    "BREAKEVEN_MINUTES",
    () => runtime.call("BREAKEVEN_MINUTES", ...args),
    () => {
      const out: number[][] = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) {
        const { pvCosts } = evaluateOption({
          tasksPerMonth: tasks[i],
          minutesSavedPerTask: 0,
          hourlyCost: hourly[i],
          annualCost: annual[i],
          oneTimeCost: once[i],
          adoption: adoption[i],
          confidence: confidence[i],
          years: years[i],
          discountRate: rate[i],
          vendorSurvival: survival[i],
          rampMonths: ramp[i],
        });
        const perMinute = {
          tasksPerMonth: tasks[i],
          adoption: adoption[i],
          hourlyCost: hourly[i],
          confidence: confidence[i],
          years: years[i],
          discountRate: rate[i],
          rampMonths: ramp[i],
        };
        out[i] = [breakevenMinutes(perMinute, pvCosts, hurdle[i]) ?? NaN];
      }
      return out;
    },
  );
  return { line: line("BREAKEVEN_MINUTES", timing), size };
}

/** Spills of the worst kinds for their size: full-precision figures, and errors with their messages. */
function worstCases(runtime: Runtime): string[] {
  const [, tasks] = numbers((i) => 1 + i / 7);
  const full = runtime.call(
    "WORKFLOW_ROI",
    tasks,
    [[13.7]],
    [[61.3]],
    [[3011.9]],
    [[5003.3]],
    null,
    null,
    null,
    null,
    null,
    "npv",
  );
  const [, adoption] = numbers((i) => 1.5 + i);
  const errors = runtime.call("WORKFLOW_ROI", tasks, [[15]], [[60]], [[3000]], null, adoption);
  const notAvailable = runtime.call(
    "WORKFLOW_ROI",
    Array.from({ length: ROWS }, () => [new RuntimeError("#N/A")]),
    [[15]],
    [[60]],
    [[3000]],
  );
  return [
    sizeLine("WORKFLOW_ROI npv, every digit", full),
    sizeLine("WORKFLOW_ROI, a #VALUE! with its message at every position", errors),
    sizeLine("WORKFLOW_ROI, #N/A passed through at every position", notAvailable),
  ];
}

export async function benchFunctions(): Promise<string[]> {
  const runtime = loadRuntime();
  const measured = [
    benchWorkflowRoi(runtime),
    benchSeatCost(runtime),
    benchPortfolioTier(runtime),
    benchBreakevenMinutes(runtime),
  ];
  return [
    ...measured.map((m) => m.line),
    `Spill sizes as the runtime sends them (one slice holds under ${MAX_RESULT_SIZE.toLocaleString("en-US")} characters):`,
    ...measured.map((m) => `  ${m.size}`),
    ...worstCases(runtime).map((text) => `  ${text}`),
  ];
}
