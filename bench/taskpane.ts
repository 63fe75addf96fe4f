import { existsSync, readFileSync } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { gzipSync } from "zlib";
import type { Page } from "playwright-core";
import { CHROMIUM, launchChromium, serveDist } from "../test/browser/harness";

/**
 * What the task pane costs to load and how quickly the wizard gets to a result. Printed, never asserted.
 *
 * - Size: the gzipped bytes of the scripts the production taskpane.html loads from dist (office.js, from
 *   Microsoft's CDN, excluded), against the official React task-pane template's hello-world, 165,188 bytes
 *   gzipped (Office-Addin-TaskPane-React at 4abbd86, measured the same way: a fixed, published anchor).
 * - Time: in headless Chromium, the playground from "Start from the sample" to the written analysis, against a
 *   baseline measured in the same run (loading help.html, a static page, from the same server), so the ratio says more
 *   than the milliseconds do about this machine.
 */

const TEMPLATE_GZIP_BYTES = 165_188;
const GOAL_BYTES = 250 * 1024;
const RUNS = 3;

function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "src", "taskpane"))) return dir;
  }
  throw new Error("cannot find the repository root above bench/taskpane");
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function sizeLines(dist: string): string[] {
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !src.endsWith("office.js") && !/^https?:/.test(src));
  const sizes = scripts.map((src) => ({
    src,
    bytes: gzipSync(readFileSync(path.join(dist, src)), { level: 9 }).length,
  }));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  return [
    `Task pane scripts (gzip -9, office.js excluded): ${sizes.map((s) => `${s.src} ${s.bytes.toLocaleString("en-US")} B`).join(" + ")} = ${total.toLocaleString("en-US")} B (${kib(total)})`,
    `  against the React task-pane template's 165,188 B: ratio ${(total / TEMPLATE_GZIP_BYTES).toFixed(2)}; goal under 250 KB: ${total < GOAL_BYTES ? "met" : "NOT met"}`,
  ];
}

async function sampleToResult(page: Page, url: string): Promise<number> {
  await page.goto(`${url}playground.html`);
  const start = page.getByRole("button", { name: "Start from the sample" });
  await start.waitFor();
  const t0 = performance.now();
  await start.click();
  await page.getByRole("radio", { name: /SampleWorkflows/ }).waitFor();
  await page.getByRole("button", { name: "Read the table" }).click();
  for (const next of ["Next: Assumptions", "Next: Review", "Next: Write"]) {
    await page.getByRole("button", { name: next }).click();
  }
  await page.getByRole("button", { name: "Write the analysis" }).click();
  await page.getByText(/Sheets: AI /).waitFor();
  return performance.now() - t0;
}

async function timeLines(dist: string): Promise<string[]> {
  if (!existsSync(CHROMIUM))
    return [`Playground time: not measured (no Chromium at ${CHROMIUM}; apt-get install -y chromium)`];
  const server = await serveDist(dist);
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    const baseline: number[] = [];
    const flow: number[] = [];
    // One of each first, unmeasured: the first run pays for the browser's own start-up.
    await page.goto(`${server.url}help.html`);
    await sampleToResult(page, server.url);
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await page.goto(`${server.url}help.html`);
      baseline.push(performance.now() - t0);
      flow.push(await sampleToResult(page, server.url));
    }
    const b = median(baseline);
    const f = median(flow);
    return [
      `Playground, "Start from the sample" to the written analysis (median of ${RUNS}): ${f.toFixed(0)} ms`,
      `  against loading help.html, a static page with no scripts, from the same server, ${b.toFixed(1)} ms: ratio ${(f / b).toFixed(1)}`,
    ];
  } finally {
    await close();
    await server.close();
  }
}

export async function benchTaskpane(): Promise<string[]> {
  const dist = path.join(repoRoot(), "dist");
  if (!existsSync(path.join(dist, "taskpane.html"))) {
    return ["Task pane: not measured (dist/taskpane.html is missing: run npm run build first)"];
  }
  return [...sizeLines(dist), ...(await timeLines(dist))];
}
