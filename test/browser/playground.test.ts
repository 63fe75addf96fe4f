import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { analyseWorkflow, comparePlans, DEFAULT_ASSUMPTIONS, type Tier } from "../../src/model";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { sampleWorkflows } from "../model/sampleWorkflows";
import { launchChromium, requireBrowserAndBuild, SCREENSHOTS, serveDist } from "./harness";

// sample.md, typed: the rows that neither the changed consumer price nor the tier set by hand touch.
// Workflow → tier, annual value, annual cost, one-time cost, PV benefits, PV costs.
const UNCHANGED: Record<string, [Tier, number, number, number, number, number]> = {
  "Customer support replies": ["Enterprise", 103_680, 6_900, 10_000, 257_837, 29_421],
  "Financial analysis and reporting": ["Enterprise", 104_448, 10_380, 50_000, 259_747, 87_121],
  "Contract review": ["Enterprise", 118_272, 10_020, 50_000, 294_125, 86_226],
  "Warehouse and field operations": ["None", 0, 0, 0, 0, 0],
};
// sample.md's per-seat plan: it buys enterprise seats only, so a consumer price leaves it as it was.
const PER_SEAT: Record<string, number> = {
  Seats: 200,
  "Annual cost": 72_000,
  "One-time cost": 0,
  "Annual value": 215_840,
  "PV benefits": 536_762,
  "PV costs": 179_053,
  NPV: 357_709,
};

const CONSUMER_PRICE = 45;
const OVERRIDDEN = "Sales proposals and RFP answers";
const WIDTH = 350;

function numberOf(value: ExcelJS.CellValue): number {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "result" in value && typeof value.result === "number") return value.result;
  throw new Error(`expected a number or a formula with a numeric result, got ${JSON.stringify(value)}`);
}

function closeTo(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** Rows of a sheet keyed by the text in column A, each as header → cell value, under the header row given. */
function rowsUnder(sheet: ExcelJS.Worksheet, firstHeader: string): Map<string, Record<string, ExcelJS.CellValue>> {
  let headers: string[] | null = null;
  const rows = new Map<string, Record<string, ExcelJS.CellValue>>();
  sheet.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (headers === null) {
      if (values[0] === firstHeader) headers = values.map((v) => String(v ?? ""));
      return;
    }
    if (typeof values[0] !== "string") return;
    rows.set(values[0], Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  if (headers === null) throw new Error(`no header row starting "${firstHeader}" on ${sheet.name}`);
  return rows;
}

function labelledValue(sheet: ExcelJS.Worksheet, text: string): number {
  let found: number | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === text) found = numberOf(row.getCell(2).value);
  });
  if (found === undefined) throw new Error(`no "${text}" on ${sheet.name}`);
  return found;
}

describe("the playground in a real headless Chromium", () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let downloads: string;

  beforeAll(async () => {
    requireBrowserAndBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    downloads = mkdtempSync(join(tmpdir(), "aibudget-downloads-"));
    server = await serveDist();
    browser = await launchChromium({ width: WIDTH, height: 900 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  /** Opens the playground, collecting every script error and console error (a CSP refusal is one). */
  async function openPlayground(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.url}playground.html`);
    await page.getByRole("button", { name: "Start from the sample" }).waitFor();
    return { page, errors };
  }

  async function shot(page: Page, name: string): Promise<void> {
    // The picture is of the step at rest, not of a spinner between two states.
    await page.waitForFunction(() => document.querySelector(".fui-Spinner") === null);
    await page.screenshot({ path: join(SCREENSHOTS, `playground-${name}.png`), fullPage: true });
    // Reads at the pane's width: nothing may push the page sideways.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect([name, width]).toEqual([name, WIDTH]);
  }

  async function stepHeading(page: Page, step: string): Promise<void> {
    await page.getByRole("heading", { name: new RegExp(`Step \\d of 5: ${step}`) }).waitFor();
  }

  test("from the sample to a downloaded workbook that holds the changed analysis", async () => {
    const { page, errors } = await openPlayground();
    await shot(page, "0-start");

    // Keyboard only for the first moves: Tab to the button, Enter to press it.
    for (let i = 0; i < 10; i++) {
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (focused === "Start from the sample") break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await stepHeading(page, "Source");
    const sample = page.getByRole("radio", { name: /SampleWorkflows.*best match/ });
    await sample.waitFor();
    expect(await sample.isChecked()).toBe(true);
    await shot(page, "1-source");

    await page.getByRole("button", { name: "Read the table" }).focus();
    await page.keyboard.press("Enter");
    await stepHeading(page, "Columns");
    await page.getByText("7 workflows will be analysed.").waitFor();
    await shot(page, "2-columns");

    await page.getByRole("button", { name: "Next: Assumptions" }).click();
    await stepHeading(page, "Assumptions");
    await page.getByLabel("Discount rate (share a year)").fill("1.5");
    await page.getByText("Must be a share between 0 and 1; got 1.5").waitFor();
    await page.getByLabel("Discount rate (share a year)").fill("0.10");
    await page.getByLabel("Consumer seat price (per seat a month)").fill(String(CONSUMER_PRICE));
    await shot(page, "3-assumptions");

    await page.getByRole("button", { name: "Next: Review" }).click();
    await stepHeading(page, "Review");
    await page.getByLabel(`Tier for ${OVERRIDDEN}`).selectOption("Consumer");
    const consumerOffered = await page
      .getByLabel("Tier for Contract review")
      .evaluate((select: HTMLSelectElement) => [...select.options].some((o) => o.value === "Consumer"));
    expect(consumerOffered).toBe(false);

    // What the workbook must hold, from the model with the same changes.
    const assumptions = { ...DEFAULT_ASSUMPTIONS, consumerSeatPrice: CONSUMER_PRICE };
    const analyses = sampleWorkflows().map((w) =>
      analyseWorkflow(w, assumptions, w.name === OVERRIDDEN ? "Consumer" : null),
    );
    const comparison = comparePlans(analyses, assumptions);
    await page.getByText(`Inflation factor ${comparison.inflationFactor!.toFixed(2)}`).waitFor();
    await shot(page, "4-review");

    await page.getByRole("button", { name: "Next: Write" }).click();
    await stepHeading(page, "Write");
    await page.getByRole("button", { name: "Write the analysis" }).click();
    await page.getByText("Sheets: AI Assumptions, AI Allocation, AI Comparison.").waitFor();
    await shot(page, "5-write");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the result workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("aibudget-sample-analysed.xlsx");
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    // The comparison chart travels in the file (ExcelJS cannot write one; the adapter adds its parts on save).
    expect(readFileSync(file).includes("xl/charts/chart1.xml")).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const allocation = rowsUnder(workbook.getWorksheet("AI Allocation")!, "Workflow");
    for (const a of analyses) {
      const row = allocation.get(a.workflow.name);
      expect(row).toBeDefined();
      const shown = [
        row!["Tier"],
        ...["Annual value", "Annual cost", "One-time cost", "PV benefits", "PV costs"].map((h) => numberOf(row![h])),
      ];
      const typed = UNCHANGED[a.workflow.name];
      if (typed) {
        // sample.md rounds to whole units: the workbook's unrounded figure is within half a unit.
        expect(shown[0]).toBe(typed[0]);
        typed
          .slice(1)
          .forEach((figure, i) =>
            expect([a.workflow.name, i, Math.abs((shown[i + 1] as number) - (figure as number)) <= 0.5]).toEqual([
              a.workflow.name,
              i,
              true,
            ]),
          );
      } else {
        const f = a.chosen;
        const expected = [a.tier, f.annualValue, f.annualCost, f.oneTimeCost, f.pvBenefits, f.pvCosts];
        expect(shown[0]).toBe(expected[0]);
        expected
          .slice(1)
          .forEach((figure, i) =>
            expect([a.workflow.name, i, closeTo(shown[i + 1] as number, figure as number)]).toEqual([
              a.workflow.name,
              i,
              true,
            ]),
          );
      }
    }
    expect(allocation.get(OVERRIDDEN)!["Reason"]).toBe(
      `Set by hand; the model chose ${analyses.find((a) => a.workflow.name === OVERRIDDEN)!.decision.tier}`,
    );

    const sheet = workbook.getWorksheet("AI Comparison")!;
    const plans = rowsUnder(sheet, "Figure");
    for (const [label, figure] of Object.entries(PER_SEAT)) {
      expect([label, Math.abs(numberOf(plans.get(label)!["Per-seat"]) - figure) <= 0.5]).toEqual([label, true]);
    }
    const portfolio = comparison.portfolio;
    const portfolioFigures: [string, number][] = [
      ["Seats", portfolio.seats],
      ["Annual cost", portfolio.annualCost],
      ["One-time cost", portfolio.oneTimeCost],
      ["Annual value", portfolio.annualValue],
      ["PV benefits", portfolio.pvBenefits],
      ["PV costs", portfolio.pvCosts],
      ["NPV", portfolio.npv],
    ];
    for (const [label, figure] of portfolioFigures) {
      expect([label, closeTo(numberOf(plans.get(label)!["Workflow portfolio"]), figure)]).toEqual([label, true]);
    }
    expect(closeTo(labelledValue(sheet, "Inflation factor"), comparison.inflationFactor!)).toBe(true);

    // The wizard's state went into the workbook with it, for the next time it is opened.
    const saved = JSON.parse((await (await XlsxWorkbook.load(readFileSync(file))).loadSettings())!);
    expect(saved.assumptions.consumerSeatPrice).toBe(CONSUMER_PRICE);
    expect(saved.overrides).toEqual({ [OVERRIDDEN]: "Consumer" });

    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  /** Tabs forward until the named control has the focus (the focus order must reach it), at most `limit` presses. */
  async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        const labelled = el.getAttribute("aria-labelledby");
        const label = labelled ? document.getElementById(labelled.split(" ")[0])?.textContent : null;
        return (
          (el.tagName === "BUTTON" ? el.textContent : (label ?? (el as HTMLInputElement).labels?.[0]?.textContent)) ??
          ""
        );
      });
      if (focused.trim() === name) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached "${name}"`);
  }

  test("the whole wizard works from the keyboard alone", async () => {
    const { page, errors } = await openPlayground();
    await tabTo(page, "Start from the sample");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Source");
    await page.getByRole("radio", { name: /SampleWorkflows/ }).waitFor();
    await page.waitForFunction(() => document.querySelector(".fui-Spinner") === null);
    await tabTo(page, "Read the table");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Columns");
    await tabTo(page, "Next: Assumptions");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Assumptions");
    await tabTo(page, "Hurdle ROI (ratio)");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("0.5");
    await tabTo(page, "Next: Review");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Review");
    // The typed hurdle reached the model: every Reason now measures against 50 %.
    await page
      .getByText(/hurdle 50 %/)
      .first()
      .waitFor();
    await tabTo(page, "Next: Write");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Write");
    await tabTo(page, "Write the analysis");
    await page.keyboard.press("Enter");
    await page.getByText("Sheets: AI Assumptions, AI Allocation, AI Comparison.").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("the playground is light by default and dark where the browser prefers dark", async () => {
    const background = async (page: Page) =>
      page.evaluate(() => {
        const provider = document.querySelector(".fui-FluentProvider") as HTMLElement;
        const [r, g, b] = getComputedStyle(provider).backgroundColor.match(/\d+/g)!.map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      });
    const light = await openPlayground();
    expect(await background(light.page)).toBeGreaterThan(200);
    await light.page.close();

    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${server.url}playground.html`);
    await page.getByRole("button", { name: "Start from the sample" }).click();
    await stepHeading(page, "Source");
    expect(await background(page)).toBeLessThan(60);
    await shot(page, "7-dark");
    await page.close();
  }, 60_000);

  test("a file that is not a workbook gives a message, and the page still works", async () => {
    const { page, errors } = await openPlayground();
    const bad = join(downloads, "not-a-workbook.xlsx");
    writeFileSync(bad, "These are notes, not a spreadsheet.\n");
    await page.getByLabel("Open a workbook (.xlsx)").setInputFiles(bad);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("This file is not an Excel workbook that can be read (.xlsx)");
    await shot(page, "6-bad-file");

    await page.getByRole("button", { name: "Start from the sample" }).click();
    await stepHeading(page, "Source");
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
