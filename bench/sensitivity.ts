import { performance } from "perf_hooks";
import {
  analysePortfolio,
  DEFAULT_ASSUMPTIONS,
  sensitivityBars,
  type IntegrationNeed,
  type Tier,
  type Workflow,
} from "../src/model";

/**
 * How long AI Sensitivity's bars take for a 100-workflow table (model.md, "Sensitivity": each bar end is a whole
 * re-analysis), against one analysis of the same table in the same run: the ratio is how many analyses the bars
 * cost, which should stay near their count (two ends a bar), never above it by much. Goal: the bars under 0.5 s.
 * Printed, never asserted.
 */

// BENCH_WORKFLOWS=100000 shows how the bars scale to the largest tables the command line takes.
const WORKFLOWS = Number(process.env.BENCH_WORKFLOWS ?? 100);
const REPETITIONS = 9;
const BATCH_MS = 60;
const GOAL_SECONDS = 0.5;
const NEEDS: readonly IntegrationNeed[] = ["none", "light", "deep"];

function table(): Workflow[] {
  return Array.from({ length: WORKFLOWS }, (_, i) => ({
    name: `Workflow ${i + 1}`,
    people: 1 + (i % 40),
    tasksPerPersonPerMonth: 10 + (i % 90),
    minutesSavedPerTask: 1 + (i % 45),
    hourlyCost: 25 + (i % 80),
    adoption: i % 3 === 0 ? null : 0.5 + (i % 5) / 10,
    sensitiveData: i % 4 === 0,
    integration: NEEDS[i % 3],
    integrationCost: i % 5 === 0 ? 20_000 : null,
    vendor: i % 7 === 0 ? null : `Vendor ${i % 6}`,
    vendorSurvival: i % 11 === 0 ? 0.85 : null,
  }));
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds a call, over enough calls to fill BATCH_MS: one call of 100 rows is too short to time alone. */
function perCall(run: () => unknown): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < BATCH_MS) {
    run();
    calls++;
    elapsed = performance.now() - start;
  }
  return elapsed / calls;
}

/**
 * The baseline and the bars, batch after batch in turn, so that both see the same machine: two cores shared with
 * other work make any one batch noisy, the median of the interleaved batches much less so.
 */
function timeBoth(baseline: () => unknown, measured: () => unknown): [number, number] {
  baseline(); // warm up: the first calls pay for compilation
  measured();
  const base: number[] = [];
  const bars: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    base.push(perCall(baseline));
    bars.push(perCall(measured));
  }
  return [median(base), median(bars)];
}

export async function benchSensitivity(): Promise<string[]> {
  const workflows = table();
  const a = { ...DEFAULT_ASSUMPTIONS, rampMonths: 3 };
  const overrides: (Tier | null)[] = workflows.map((_, i) => (i % 13 === 0 ? "Enterprise" : null));
  const base = analysePortfolio(workflows, a, overrides);
  let bars = 0;
  const [one, all] = timeBoth(
    () => analysePortfolio(workflows, a, overrides),
    () => {
      bars = sensitivityBars(workflows, a, overrides, base).length;
    },
  );
  const seconds = all / 1000;
  return [
    `one analysis of ${WORKFLOWS} workflows: ${one.toFixed(3)} ms`,
    `${bars} bars (${bars * 2} re-analyses): ${all.toFixed(2)} ms, ${(all / one).toFixed(1)}× one analysis`,
    `goal: under ${GOAL_SECONDS} s: ${seconds < GOAL_SECONDS ? "met" : "NOT met"} (${seconds.toFixed(4)} s)`,
  ];
}
