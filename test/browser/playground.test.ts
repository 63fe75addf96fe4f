import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { analyseWorkflow, comparePlans, DEFAULT_ASSUMPTIONS, type Tier } from "../../src/model";
import type { GridValue } from "../../src/workbook/layout";
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
const NARROW = 350;
const WIDE = 1280;
// The one wall-clock bound the issue asks for, measured by the browser's own PerformanceObserver.
const LONG_TASK_MS = 200;

function closeTo(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** A table of a saved workbook, read back through the adapter: rows keyed by their first cell, header → value. */
async function tableRows(workbook: XlsxWorkbook, table: string): Promise<Map<string, Record<string, GridValue>>> {
  const grid = await workbook.readTable(table);
  const [header, ...body] = grid.values;
  const names = header.map((h) => String(h ?? ""));
  return new Map(body.map((row) => [String(row[0]), Object.fromEntries(names.map((h, i) => [h, row[i] ?? null]))]));
}

function numberIn(value: GridValue): number {
  if (typeof value !== "number") throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
}

/** An .xlsx with one table, made through the same adapter the playground uses. */
async function workbookFile(path: string, sheet: string, table: string, rows: (string | number)[][]): Promise<void> {
  const workbook = XlsxWorkbook.create();
  await workbook.insertTable(sheet, table, rows);
  writeFileSync(path, await workbook.save());
}

describe("the playground in a real headless Chromium", () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let files: string;

  beforeAll(async () => {
    requireBrowserAndBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    files = mkdtempSync(join(tmpdir(), "aibudget-playground-"));
    server = await serveDist();
    browser = await launchChromium({ width: NARROW, height: 900 });
    // Every long task the page runs, as the browser itself measures it.
    await browser.context.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** Opens the playground, collecting every script error and console error (a CSP refusal is one). */
  async function openPlayground(width = NARROW): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.url}playground.html`);
    await page.getByRole("button", { name: "Start from the sample" }).waitFor();
    return { page, errors };
  }

  async function idle(page: Page): Promise<void> {
    await page.waitForFunction(() => document.querySelector("[role=progressbar]") === null, undefined, {
      timeout: 60_000,
    });
  }

  async function shot(page: Page, name: string, width = NARROW): Promise<void> {
    // The picture is of the step at rest, not of a progress bar between two states.
    await idle(page);
    await page.screenshot({ path: join(SCREENSHOTS, `playground-${width}-${name}.png`), fullPage: true });
    // Reads at the pane's width: nothing may push the page sideways.
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect([name, scroll]).toEqual([name, width]);
  }

  async function stepHeading(page: Page, step: string): Promise<void> {
    await page.getByRole("heading", { name: new RegExp(`Step \\d of 5: ${step}`) }).waitFor({ timeout: 60_000 });
  }

  /** The buttons drawn in the theme's brand fill: Fluent's primary appearance. */
  async function primaryButtons(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const probe = document.createElement("div");
      probe.style.backgroundColor = "var(--colorBrandBackground)";
      document.querySelector(".fui-FluentProvider")!.appendChild(probe);
      const brand = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return [...document.querySelectorAll("button")]
        .filter((b) => getComputedStyle(b).backgroundColor === brand && b.getClientRects().length > 0)
        .map((b) => b.textContent ?? "");
    });
  }

  async function longTasks(page: Page): Promise<number[]> {
    return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  }

  async function clearLongTasks(page: Page): Promise<void> {
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
    });
  }

  /** Tabs forward until the named control has the focus (the focus order must reach it), at most `limit` presses. */
  async function tabTo(page: Page, name: string, limit = 250): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        const labelled = el.getAttribute("aria-labelledby");
        const label = labelled ? document.getElementById(labelled.split(" ")[0])?.textContent : null;
        return (
          (el.tagName === "BUTTON"
            ? el.textContent
            : (el.getAttribute("aria-label") ?? label ?? (el as HTMLInputElement).labels?.[0]?.textContent)) ?? ""
        );
      });
      if (focused.trim() === name) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached "${name}"`);
  }

  test("from the sample to a downloaded workbook that holds the changed analysis, at 350 px", async () => {
    const { page, errors } = await openPlayground();
    await shot(page, "0-start");

    // Keyboard only for the moves between steps: Tab to the control, Enter to press it.
    await tabTo(page, "Start from the sample");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Source");
    const sample = page.getByRole("radio", { name: /SampleWorkflows.*best match/ });
    await sample.waitFor();
    expect(await sample.isChecked()).toBe(true);
    // The sample is there: offering to insert it again would add nothing.
    expect(await page.getByRole("button", { name: "Insert the sample table" }).count()).toBe(0);
    await shot(page, "1-source");

    await tabTo(page, "Read the table");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Columns");
    await page.getByText("7 workflows will be analysed.").waitFor();
    await shot(page, "2-columns");

    await tabTo(page, "Next: Assumptions");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Assumptions");
    await page.getByLabel("Discount rate (share a year)").fill("150");
    await page.getByText("Discount rate must be a share from 0 to 1, such as 0.1 or 10 %; found 150").waitFor();
    await page.getByLabel("Discount rate (share a year)").fill("10");
    await page.getByText("10 read as 10 %.").waitFor();
    await page.getByLabel("Consumer seat price (per seat a month)").fill(String(CONSUMER_PRICE));
    await page.getByText(/^Last change: Consumer seat price 20 → 45: portfolio NPV 926,586 → /).waitFor();
    await page.getByText("Changed; default 20.").waitFor();
    // The summary stays in view while the fields scroll under it.
    await page.getByLabel("Hurdle ROI (ratio)").scrollIntoViewIfNeeded();
    const summaryTop = await page
      .getByRole("status")
      .filter({ hasText: /^Now: / })
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(summaryTop).toBeGreaterThanOrEqual(0);
    expect(summaryTop).toBeLessThan(60);
    await shot(page, "3-assumptions");

    await tabTo(page, "Next: Review");
    await page.keyboard.press("Enter");
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
    await page
      .getByText(
        `The per-seat plan pays ${comparison.inflationFactor!.toFixed(2)} times as much for each unit of value.`,
      )
      .waitFor();
    await page.getByRole("img", { name: /Value and cost of the two plans/ }).waitFor();
    // A term's explanation shows on keyboard focus, not only on hover.
    const term = page.getByText("Inflation factor", { exact: true }).first();
    await term.focus();
    await page.getByRole("tooltip", { name: /how many times as much per-seat licensing pays/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `playground-${NARROW}-4-review-term.png`) });
    await term.blur();
    await shot(page, "4-review");

    await tabTo(page, "Next: Write");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Write");
    await tabTo(page, "Write the analysis");
    await page.keyboard.press("Enter");
    await page.getByText(/Sheets: AI Assumptions, AI Allocation, /).waitFor({ timeout: 60_000 });
    // The written sheets can be seen before the download.
    await page.getByRole("region", { name: /First rows of AI Assumptions/ }).waitFor();
    await page.getByRole("button", { name: "AI Comparison", exact: true }).click();
    await page.getByRole("region", { name: /First rows of AI Comparison/ }).waitFor();
    // One primary button at a time: the next action, in the place where writing was.
    expect(await primaryButtons(page)).toEqual(["Download the result workbook"]);
    await shot(page, "5-write");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the result workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("aibudget-sample-analysed.xlsx");
    await page.getByText(/^Downloaded aibudget-sample-analysed\.xlsx/).waitFor();
    await shot(page, "6-downloaded");
    const file = join(files, download.suggestedFilename());
    await download.saveAs(file);
    // The comparison chart travels in the file.
    expect(readFileSync(file).includes("xl/charts/chart")).toBe(true);

    const workbook = await XlsxWorkbook.load(readFileSync(file));
    const allocation = await tableRows(workbook, "AIAllocation");
    for (const a of analyses) {
      const row = allocation.get(a.workflow.name);
      expect([a.workflow.name, row !== undefined]).toEqual([a.workflow.name, true]);
      const shown = [
        row!["Tier"],
        ...["Annual value", "Annual cost", "One-time cost", "PV benefits", "PV costs"].map((h) => numberIn(row![h])),
      ];
      const typed = UNCHANGED[a.workflow.name];
      const f = a.chosen;
      const expected = typed ?? [a.tier, f.annualValue, f.annualCost, f.oneTimeCost, f.pvBenefits, f.pvCosts];
      expect(shown[0]).toBe(expected[0]);
      expected.slice(1).forEach((figure, i) => {
        const actual = shown[i + 1] as number;
        // sample.md rounds to whole units; the model's own figures match to a relative 1e-9.
        const near = typed ? Math.abs(actual - (figure as number)) <= 0.5 : closeTo(actual, figure as number);
        expect([a.workflow.name, i, near]).toEqual([a.workflow.name, i, true]);
      });
    }
    expect(allocation.get(OVERRIDDEN)!["Reason"]).toBe(
      `Set by hand; the model chose ${analyses.find((a) => a.workflow.name === OVERRIDDEN)!.decision.tier}`,
    );
    const plans = await tableRows(workbook, "AIComparison");
    for (const [label, figure] of Object.entries(PER_SEAT)) {
      expect([label, Math.abs(numberIn(plans.get(label)!["Per-seat"]) - figure) <= 0.5]).toEqual([label, true]);
    }
    expect(closeTo(numberIn(plans.get("NPV")!["Workflow portfolio"]), comparison.portfolio.npv)).toBe(true);

    // The wizard's state went into the workbook with it, for the next time it is opened.
    const saved = JSON.parse((await workbook.loadSettings())!);
    expect(saved.assumptions.consumerSeatPrice).toBe(CONSUMER_PRICE);
    expect(saved.overrides).toEqual({ [OVERRIDDEN]: "Consumer" });

    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test("at 1280 px the review uses the width: every column, the Reason beside the figures", async () => {
    const { page, errors } = await openPlayground(WIDE);
    await shot(page, "0-start", WIDE);
    await page.getByRole("button", { name: "Start from the sample" }).click();
    await stepHeading(page, "Source");
    await page.getByRole("button", { name: "Read the table" }).click();
    await stepHeading(page, "Columns");
    await shot(page, "2-columns", WIDE);
    await page.getByRole("button", { name: "Next: Assumptions" }).click();
    await stepHeading(page, "Assumptions");
    await shot(page, "3-assumptions", WIDE);
    await page.getByRole("button", { name: "Next: Review" }).click();
    await stepHeading(page, "Review");
    const table = page.getByTestId("workflow-table");
    expect((await table.boundingBox())!.width).toBeGreaterThan(900);
    for (const header of [
      "Workflow",
      "Tier",
      "NPV",
      "ROI",
      "Payback (months)",
      "Minutes saved",
      "Break-even",
      "Reason",
    ]) {
      await table.getByRole("columnheader", { name: new RegExp(`^${header.replace(/[()]/g, "\\$&")}`) }).waitFor();
    }
    // Break-even next to the minutes saved (sample.md: Customer support replies, 5 minutes, break-even 1.14).
    const cells = await table
      .getByRole("row", { name: /Customer support replies/ })
      .locator("td")
      .allTextContents();
    expect(cells.slice(5, 7)).toEqual(["5", "1.14"]);
    // Sorting by NPV, largest first: the header is the sort button.
    await table.getByRole("button", { name: /^NPV/ }).click();
    await page.waitForFunction(() => document.querySelector("th[aria-sort=descending]") !== null);
    const first = await table.locator("tbody tr[aria-rowindex='2'] td").first().textContent();
    expect(first).toBe("Customer support replies");
    await shot(page, "4-review", WIDE);
    await page.getByRole("button", { name: "Next: Write" }).click();
    await page.getByRole("button", { name: "Write the analysis" }).click();
    await page.getByRole("button", { name: "Download the result workbook" }).waitFor({ timeout: 60_000 });
    await shot(page, "5-write", WIDE);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test("the whole wizard works from the keyboard alone; the hurdle takes 150 % as its hint says", async () => {
    const { page, errors } = await openPlayground();
    await tabTo(page, "Start from the sample");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Source");
    await page.getByRole("radio", { name: /SampleWorkflows/ }).waitFor();
    await idle(page);
    await tabTo(page, "Read the table");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Columns");
    await tabTo(page, "Next: Assumptions");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Assumptions");
    await tabTo(page, "Hurdle ROI (ratio)");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("150%");
    await tabTo(page, "Next: Review");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Review");
    // The typed hurdle reached the model.
    await page.getByText(/ROI 150\.0 %\.$/).waitFor();
    // A tier set from the keyboard in the row itself.
    await tabTo(page, "Tier for Operations reports");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "Next: Write");
    await page.keyboard.press("Enter");
    await stepHeading(page, "Write");
    await tabTo(page, "Write the analysis");
    await page.keyboard.press("Enter");
    await page.getByText(/Sheets: AI Assumptions, AI Allocation, /).waitFor({ timeout: 60_000 });
    await tabTo(page, "Download the result workbook");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("aibudget-sample-analysed.xlsx");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

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
    await page.getByRole("button", { name: "Read the table" }).click();
    await page.getByRole("button", { name: "Next: Assumptions" }).click();
    await page.getByRole("button", { name: "Next: Review" }).click();
    await stepHeading(page, "Review");
    await shot(page, "8-dark-review");
    await page.close();
  }, 60_000);

  test("a file that is not a workbook says so in plain words and what to do; the page still works", async () => {
    const { page, errors } = await openPlayground();
    const bad = join(files, "notes.xlsx");
    writeFileSync(bad, "These are notes, not a spreadsheet.\n");
    // The picker is a Fluent button; the file input behind it is what a browser hands the file to.
    await page.getByRole("button", { name: "Open a workbook (.xlsx)" }).waitFor();
    await page.getByLabel("Workbook file (.xlsx)").setInputFiles(bad);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(/That file did not open/);
    expect(text).toMatch(/xlsx/);
    expect(text).not.toMatch(/https?:|Details:|zip|JSZip|fflate|Error:/i);
    await shot(page, "7-bad-file");

    await page.getByRole("button", { name: "Start from the sample" }).click();
    await stepHeading(page, "Source");
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("a messy workbook: wrong headers matched by hand, rows left out stay in view, a cell is shown", async () => {
    const file = join(files, "messy.xlsx");
    const rows: (string | number)[][] = [
      ["Process", "Staff", "Tasks per person per month", "Minutes saved per task", "Hourly cost ($)"],
      ["Drafting", 10, 20, 30, 50],
      ["Research", 5, 10, "1,5", 60],
      ["Filing", 3, 10, 5, "abc"],
      ["Reporting", 4, 40, 20, 70],
      ["", 2, 10, 10, 40],
      ["Translation", -3, 10, 10, 40],
      ["Drafting", 2, 10, 10, 40],
      ["Scheduling", 6, 60, 5, "n/a"],
      ["Summaries", 8, 30, 12, 55],
    ];
    await workbookFile(file, "Budget", "Budget", rows);
    const { page, errors } = await openPlayground();
    await page.getByLabel("Workbook file (.xlsx)").setInputFiles(file);
    await stepHeading(page, "Source");
    await page.getByRole("radio", { name: /Budget/ }).check();
    await page.getByRole("button", { name: "Read the table" }).click();
    await stepHeading(page, "Columns");
    // Which columns were found and which are missing, next to the controls that match them.
    await page.getByText(/Found 5 columns: A "Process", B "Staff", .* Missing: People\./).waitFor();
    await shot(page, "9-wrong-headers");
    await page.getByLabel("People").selectOption({ label: "B: Staff" });
    await page.getByText(/^3 workflows will be analysed; 6 rows will not/).waitFor();
    await page.getByRole("button", { name: "Select E4" }).click();
    const preview = page.getByRole("region", { name: "Cell E4 in Budget" });
    await preview.waitFor();
    expect(await preview.locator("[aria-current=true]").textContent()).toBe("abc");
    await shot(page, "10-cell-shown");

    await page.getByRole("button", { name: "Next: Assumptions" }).click();
    await page.getByRole("button", { name: "Next: Review" }).click();
    await stepHeading(page, "Review");
    await page.getByText("6 of 9 rows not analysed").waitFor();
    await shot(page, "11-review-rows-left-out");
    await page.getByRole("button", { name: "Show the rows left out" }).click();
    await stepHeading(page, "Columns");
    await page.getByRole("heading", { name: "Rows that will not be analysed" }).waitFor();
    await page.getByRole("button", { name: "Next: Assumptions" }).click();
    await page.getByRole("button", { name: "Next: Review" }).click();
    await page.getByRole("button", { name: "Next: Write" }).click();
    await stepHeading(page, "Write");
    await page.getByText("6 of 9 rows not analysed").waitFor();
    await page.getByRole("button", { name: "Write the analysis" }).click();
    await page.getByText(/6 rows not analysed, listed on AI Assumptions\./).waitFor({ timeout: 60_000 });
    await shot(page, "12-write-rows-left-out");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test("an empty workbook: a table pasted into the step becomes the table to read", async () => {
    const file = join(files, "empty.xlsx");
    await workbookFile(file, "Notes", "Notes", [
      ["Date", "Text"],
      ["2026-01-05", "kick-off"],
    ]);
    const { page, errors } = await openPlayground();
    await page.getByLabel("Workbook file (.xlsx)").setInputFiles(file);
    await stepHeading(page, "Source");
    await page.getByRole("radio", { name: /Notes.*headers do not match/ }).waitFor();
    const pasted = [
      "Workflow\tPeople\tTasks per person per month\tMinutes saved per task\tHourly cost",
      "Drafting\t10\t20\t30\t50",
      "Research\t5\t40\t15\t60",
    ].join("\n");
    await page.getByLabel("Rows copied from a spreadsheet, header row first").fill(pasted);
    await page.getByText("2 rows under 5 headers.").waitFor();
    await shot(page, "13-paste");
    await page.getByRole("button", { name: "Add as a table" }).click();
    await page.getByRole("radio", { name: /Workflows.*best match/ }).waitFor();
    expect(await page.getByRole("radio", { name: /Workflows.*best match/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Read the table" }).click();
    await page.getByText("2 workflows will be analysed.").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test("5,000 rows: opening, reading, analysing, a tier change, a re-sort, writing and saving run no task over 200 ms", async () => {
    const file = join(files, "large.xlsx");
    const rows: (string | number)[][] = [
      [
        "Workflow",
        "People",
        "Tasks per person per month",
        "Minutes saved per task",
        "Hourly cost",
        "Sensitive data",
        "Integration",
      ],
    ];
    for (let i = 0; i < 5000; i++) {
      rows.push([
        `Workflow ${String(i + 1).padStart(4, "0")}`,
        1 + (i % 40),
        20 + (i % 200),
        1 + (i % 30),
        30 + (i % 60),
        i % 3 === 0 ? "Yes" : "No",
        ["none", "light", "deep"][i % 3],
      ]);
    }
    await workbookFile(file, "Large", "Large", rows);
    const { page, errors } = await openPlayground();
    // From here on, the workbook's own work: the page's start-up is not part of it.
    await page.waitForTimeout(300);
    await clearLongTasks(page);
    await page.getByLabel("Workbook file (.xlsx)").setInputFiles(file);
    await stepHeading(page, "Source");
    await page.getByRole("button", { name: "Read the table" }).click();
    await stepHeading(page, "Columns");
    await page.getByText("5,000 workflows will be analysed.").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Next: Assumptions" }).click();
    await page.getByRole("button", { name: "Next: Review" }).click();
    await stepHeading(page, "Review");
    const table = page.getByTestId("workflow-table");
    await table.getByText("Workflow 0001").waitFor();
    // Only the rows in view are drawn.
    expect(await table.locator("tbody tr[aria-rowindex]").count()).toBeLessThan(60);
    await idle(page);
    await page.waitForTimeout(500);
    // Opening and reading are the worker's, analysing the page's in a render of its own.
    const opening = await longTasks(page);

    await clearLongTasks(page);
    const cdp = process.env.PANE_PROFILE ? await browser.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    const select = page.getByLabel("Tier for Workflow 0002");
    const before = await select.inputValue();
    await select.selectOption(before === "None" ? "Enterprise" : "None");
    await page.waitForFunction(
      (wanted) =>
        (document.querySelector("[aria-label='Tier for Workflow 0002']") as HTMLSelectElement)?.value === wanted,
      before === "None" ? "Enterprise" : "None",
    );
    await page.waitForTimeout(100);
    const afterTier = await longTasks(page);
    if (cdp) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync("/tmp/pane-profile.json", JSON.stringify(profile));
    }
    await table.getByRole("button", { name: /^NPV/ }).click();
    await page.waitForFunction(() => document.querySelector("th[aria-sort=descending]") !== null);
    await table.getByRole("button", { name: /^NPV/ }).click();
    await page.waitForFunction(() => document.querySelector("th[aria-sort=ascending]") !== null);
    await page.waitForTimeout(100);
    const afterSort = await longTasks(page);
    // Let the debounced settings save run too: it is part of what a tier change does.
    await page.waitForTimeout(800);
    const tasks = await longTasks(page);
    await shot(page, "14-5000-rows");

    // Scrolling far down draws the rows there.
    await table.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await page.waitForFunction(
      () => document.querySelector("[data-testid=workflow-table] tbody tr[aria-rowindex='2']") === null,
    );
    expect(await table.locator("tbody tr[aria-rowindex]").count()).toBeGreaterThan(5);

    // Writing (the sensitivity worked out bar by bar, the layout sent in slices) and saving the download.
    await clearLongTasks(page);
    await page.getByRole("button", { name: "Next: Write" }).click();
    await page.getByRole("button", { name: "Write the analysis" }).click();
    const download = page.getByRole("button", { name: "Download the result workbook" });
    await download.waitFor({ timeout: 120_000 });
    const [saved] = await Promise.all([page.waitForEvent("download"), download.click()]);
    await page.getByText(/^Downloaded /).waitFor({ timeout: 60_000 });
    const writing = await longTasks(page);
    // The big sheets were compressed in the browser as they were written: the download reads back whole, each
    // part checked against its CRC, with every workflow and the tier set by hand.
    const result = join(files, "large-analysed.xlsx");
    await saved.saveAs(result);
    const allocation = await tableRows(await XlsxWorkbook.load(readFileSync(result)), "AIAllocation");
    expect(allocation.size).toBe(5000);
    expect(allocation.get("Workflow 0002")!["Tier"]).toBe(before === "None" ? "Enterprise" : "None");
    expect(allocation.has("Workflow 5000")).toBe(true);
    // Kept for the report: what the browser measured, task by task.
    writeFileSync(
      join(SCREENSHOTS, "..", "long-tasks-5000-rows.json"),
      JSON.stringify({ opening, afterTier, afterSort, afterSave: tasks, writing }),
    );
    expect(Math.max(0, ...opening)).toBeLessThan(LONG_TASK_MS);
    expect(Math.max(0, ...tasks)).toBeLessThan(LONG_TASK_MS);
    expect(Math.max(0, ...writing)).toBeLessThan(LONG_TASK_MS);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
