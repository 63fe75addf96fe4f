/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { analyseWorkflow, comparePlans, DEFAULT_ASSUMPTIONS } from "../../src/model";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { sampleWorkflows } from "../model/sampleWorkflows";
import { FakeWorkbook } from "./fakeWorkbook";
import { click, heading, renderApp, sampleTo, typeInto, waitIdle } from "./renderApp";

// sample.md, typed: tier, annual value, annual cost, one-time cost of each workflow.
const SAMPLE: [string, string, string, string, string][] = [
  ["Customer support replies", "Enterprise", "103,680", "6,900", "10,000"],
  ["Sales proposals and RFP answers", "Enterprise", "92,160", "5,100", "10,000"],
  ["Financial analysis and reporting", "Enterprise", "104,448", "10,380", "50,000"],
  ["Contract review", "Enterprise", "118,272", "10,020", "50,000"],
  ["Operations reports", "Consumer", "33,600", "8,400", "0"],
  ["Internal communications", "Consumer", "26,400", "6,000", "0"],
  ["Warehouse and field operations", "None", "0", "0", "0"],
];
// sample.md's plans: per-seat, portfolio.
const PLANS: [string, string, string][] = [
  ["Seats", "200", "100"],
  ["Annual cost", "72,000", "46,800"],
  ["One-time cost", "0", "120,000"],
  ["Annual value", "215,840", "478,560"],
  ["PV benefits", "536,762", "1,190,108"],
  ["PV costs", "179,053", "263,522"],
  ["NPV", "357,709", "926,586"],
  ["ROI", "199.8 %", "351.6 %"],
  ["Cost per unit of value", "0.3336", "0.2214"],
];
const SENSITIVE = ["Customer support replies", "Financial analysis and reporting", "Contract review"];

/** Opens a workflow's figures (its name in the table is the button) and returns the panel. */
async function workflowItem(name: string): Promise<HTMLElement> {
  const existing = screen.queryByRole("region", { name: `Figures for ${name}` });
  if (existing) return existing;
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
  return screen.getByRole("region", { name: `Figures for ${name}` });
}

function figure(item: HTMLElement, term: string): string {
  const dt = [...item.querySelectorAll("dt")].find((d) => d.firstChild?.textContent === term);
  if (!dt) throw new Error(`no figure "${term}"`);
  return dt.nextElementSibling?.textContent ?? "";
}

function planRow(label: string): string[] {
  const plans = within(screen.getByRole("region", { name: "The two plans, figure by figure" }));
  const th = plans.getByRole("rowheader", { name: label });
  return [...(th.parentElement as HTMLElement).querySelectorAll("td")].map((td) => td.textContent ?? "");
}

function tierOptions(name: string): string[] {
  const select = screen.getByLabelText(`Tier for ${name}`) as HTMLSelectElement;
  return [...select.options].map((o) => o.value).filter((v) => v !== "");
}

describe("the wizard over a workbook port", () => {
  test("each step renders, and the sample reaches Review with sample.md's tiers and plans", async () => {
    const port = new FakeWorkbook();
    renderApp(port);
    await heading("Source");
    await sampleTo("Columns");
    expect(screen.getByText("7 workflows will be analysed.")).toBeTruthy();
    expect((screen.getByLabelText("People") as HTMLSelectElement).selectedOptions[0].textContent).toBe("B: People");
    await click("Next: Assumptions");
    await heading("Assumptions");
    expect((screen.getByLabelText("Consumer seat price (per seat a month)") as HTMLInputElement).value).toBe("20");
    await click("Next: Review");
    await heading("Review");

    for (const [name, tier, value, cost, oneTime] of SAMPLE) {
      const item = await workflowItem(name);
      expect([
        name,
        figure(item, "Tier"),
        figure(item, "Annual value"),
        figure(item, "Annual cost"),
        figure(item, "One-time cost"),
      ]).toEqual([name, tier, value, cost, oneTime]);
    }
    expect(within(await workflowItem("Contract review")).getByText(/Consumer: sensitive data rules it out/)).toBeTruthy();
    for (const [label, perSeat, portfolio] of PLANS)
      expect([label, ...planRow(label)]).toEqual([label, perSeat, portfolio]);
    // The verdict in plain words first, then the terms, each with its explanation.
    expect(screen.getByText("The per-seat plan pays 1.51 times as much for each unit of value.")).toBeTruthy();
    expect(
      screen.getByText(
        "The workflow portfolio delivers 1,190,108 of value for 263,522 over 3 years; the per-seat plan delivers 536,762 for 179,053.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("img", { name: /Value and cost of the two plans/ })).toBeTruthy();
    const tiers = within(screen.getByRole("list", { name: "Workflows by tier" }));
    expect(tiers.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Enterprise: 4 workflows, 40 seats",
      "Consumer: 2 workflows, 60 seats",
      "None: 1 workflow, no seats (AI is not worth paying for there)",
    ]);
    const term = screen.getAllByText("Inflation factor")[0];
    expect(term.getAttribute("tabindex")).toBe("0");
    expect(document.getElementById(term.getAttribute("aria-describedby")!)?.textContent).toMatch(
      /how many times as much per-seat licensing pays for the same value/,
    );
    expect(screen.getByText(/Enterprise share of value/).parentElement?.parentElement?.textContent).toMatch(/87.5 %/);
    // The budget year by year, the vendors and the tornado (sample.md).
    const budget = within(screen.getByRole("region", { name: "Budget year by year" }));
    expect(
      [...budget.getAllByRole("rowheader", { name: "Expected rebuild" })[0].parentElement!.querySelectorAll("td")].map(
        (td) => td.textContent,
      ),
    ).toEqual(["0", "12,000", "10,800", "9,720", "32,520", "27,137"]);
    const vendor = screen.getByRole("rowheader", { name: "(no vendor named)" }).parentElement!;
    expect([...vendor.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["4", "87.5 %", "27.1 %", "120,000"]);
    expect(screen.getByText(/names no vendor/)).toBeTruthy();
    expect(screen.getByRole("img", { name: /Portfolio NPV at the low and high end of each input/ })).toBeTruthy();
    const horizon = screen.getByRole("rowheader", { name: "Horizon (years)" }).parentElement!;
    expect([...horizon.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["609,501", "1,215,509", "0 / 0"]);

    await click("Next: Write");
    await heading("Write");
    expect(screen.getByRole("button", { name: "Write the analysis" })).toBeTruthy();
  });

  test("rows that will not be analysed are listed with the cell, and a button selects it", async () => {
    const port = new FakeWorkbook({
      tables: {
        Budget: {
          sheet: "Budget",
          rows: [
            ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost ($)"],
            ["Drafting", 10, 20, 30, 50],
            ["Research", 5, 10, "1,5", 60],
            ["Filing", 3, 10, 5, "abc"],
          ],
        },
      },
    });
    renderApp(port);
    await screen.findByRole("radio", { name: /Budget.*best match/ });
    await click("Read the table");
    await heading("Columns");
    expect(screen.getByText(/1 workflow will be analysed; 2 rows will not/)).toBeTruthy();
    expect(screen.getByText("Row 3, column D (Minutes saved per task): Research")).toBeTruthy();
    expect(screen.getByText(/Found "1,5"; expected a number of at least 0/)).toBeTruthy();
    expect(screen.getByText("Row 4, column E (Hourly cost ($)): Filing")).toBeTruthy();
    expect(screen.getByText(/sensitivity column/)).toBeTruthy();
    await click("Select E4");
    await waitFor(() => expect(port.selected).toEqual([{ sheet: "Budget", address: "E4" }]));
  });

  test("a column the header rule misses can be chosen by hand", async () => {
    const port = new FakeWorkbook({
      tables: {
        Staff: {
          sheet: "Staff",
          rows: [
            ["Workflow", "Staff", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
            ["Drafting", 10, 20, 30, 50],
          ],
        },
      },
    });
    renderApp(port);
    const radio = await screen.findByRole("radio", { name: /Staff.*headers do not match/ });
    // No table has the required headers, so none is chosen for the user.
    expect((screen.getByRole("button", { name: "Read the table" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(radio);
    });
    await click("Read the table");
    await heading("Columns");
    // Which columns were found and which are missing, next to the controls that match them.
    expect(
      screen.getByText(
        'Found 5 columns: A "Workflow", B "Staff", C "Tasks per person per month", D "Minutes saved per task", E "Hourly cost". Missing: People. Choose the column that holds each one below.',
      ),
    ).toBeTruthy();
    expect(screen.getByText("Required: choose the column that holds it")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Next: Assumptions" }) as HTMLButtonElement).disabled).toBe(true);
    const people = screen.getByLabelText("People") as HTMLSelectElement;
    const staff = [...people.options].find((o) => o.textContent === "B: Staff")!;
    await act(async () => {
      fireEvent.change(people, { target: { value: staff.value } });
    });
    expect(screen.getByText("1 workflow will be analysed.")).toBeTruthy();
    expect(screen.getByText("Column B, chosen by hand")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Next: Assumptions" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("assumptions are checked as they are typed, with the message next to the field", async () => {
    renderApp(new FakeWorkbook());
    await sampleTo("Assumptions");
    typeInto("Discount rate (share a year)", "abc");
    expect(screen.getByText('Discount rate must be a share from 0 to 1, such as 0.1 or 10 %; found "abc"')).toBeTruthy();
    typeInto("Discount rate (share a year)", "200");
    expect(screen.getByText("Discount rate must be a share from 0 to 1, such as 0.1 or 10 %; found 200")).toBeTruthy();
    typeInto("Horizon (years)", "2.5");
    expect(screen.getByText("Horizon must be a whole number of years from 1 to 30; found 2.5")).toBeTruthy();
    typeInto("Headcount (people)", "50");
    // 200 people in the sample's rows (sample.md).
    expect(
      screen.getByText("Headcount must be at least 200 people, the People of the analysed rows, or empty; found 50"),
    ).toBeTruthy();
    expect(screen.getByText("3 assumptions need fixing before the review can update.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Next: Review" }) as HTMLButtonElement).disabled).toBe(true);

    typeInto("Discount rate (share a year)", "8");
    expect(screen.getByText("8 read as 8 %.")).toBeTruthy();
    typeInto("Horizon (years)", "3");
    typeInto("Headcount (people)", "");
    expect(screen.queryByText(/need fixing/)).toBeNull();
    expect((screen.getByRole("button", { name: "Next: Review" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("a changed assumption is marked with its default and a reset; the summary says what the change did", async () => {
    renderApp(new FakeWorkbook());
    await sampleTo("Assumptions");
    expect(screen.queryByText(/^Changed; default/)).toBeNull();
    expect((screen.getByLabelText("Integration cost, deep (one-time)") as HTMLInputElement).value).toBe("50,000");
    typeInto("Integration cost, deep (one-time)", "60,000");
    expect(screen.getByText("Changed; default 50,000.")).toBeTruthy();
    // Financial analysis and contract review are the deep rows: 2 × 10,000 more build and the upkeep and rebuild on it.
    expect(screen.getByText(/^Last change: Integration cost, deep 50,000 → 60,000: portfolio NPV 926,586 → /)).toBeTruthy();
    // A fall reads as one, signed, not as a negative in parentheses inside parentheses.
    expect(screen.getByText(/portfolio NPV 926,586 → [\d,]+ \(-[\d,]+\);/)).toBeTruthy();
    expect(screen.getByText(/per-seat NPV unchanged; inflation factor 1\.51 → 1\.\d\d\.$/)).toBeTruthy();
    await click("Reset Integration cost, deep to 50,000");
    expect((screen.getByLabelText("Integration cost, deep (one-time)") as HTMLInputElement).value).toBe("50,000");
    expect(screen.queryByText(/^Changed; default/)).toBeNull();
    // The new assumptions are there, with their ranges.
    typeInto("Ramp months (months)", "6");
    expect(screen.getByText(/^Now: inflation factor 1.51; portfolio NPV 817,822 against 308,654 per seat.$/)).toBeTruthy();
    expect((screen.getByLabelText("Sensitivity swing (share)") as HTMLInputElement).value).toBe("0.2");
    // A currency chosen here shows on every figure where the table's money cells carry none.
    typeInto("Currency sign", "€");
    expect(screen.getByText(/^Now: inflation factor 1.51; portfolio NPV €817,822 against €308,654 per seat.$/)).toBeTruthy();
  });

  test("the review follows the assumptions live", async () => {
    const a = { ...DEFAULT_ASSUMPTIONS, consumerSeatPrice: 45 };
    const expected = comparePlans(
      sampleWorkflows().map((w) => analyseWorkflow(w, a)),
      a,
    );
    const factor = expected.inflationFactor!.toFixed(2);
    const shown = (n: number) => Math.round(n).toLocaleString("en-US");
    expect(factor).not.toBe("1.51");

    renderApp(new FakeWorkbook());
    await sampleTo("Assumptions");
    expect(
      screen.getByText(/^Now: inflation factor 1.51; portfolio NPV 926,586 against 357,709 per seat.$/),
    ).toBeTruthy();
    typeInto("Consumer seat price (per seat a month)", "45");
    expect(screen.getByText(new RegExp(`^Now: inflation factor ${factor};`))).toBeTruthy();
    await click("Next: Review");
    await heading("Review");
    expect(planRow("PV costs")).toEqual([shown(expected.perSeat.pvCosts), shown(expected.portfolio.pvCosts)]);
    expect(screen.getByText(`The per-seat plan pays ${factor} times as much for each unit of value.`)).toBeTruthy();
    // The per-seat plan buys no consumer seats: its figures stay sample.md's.
    expect(planRow("PV benefits")[0]).toBe("536,762");
  });

  test("Consumer is not offered for a row with sensitive data; a tier set by hand replaces the model's", async () => {
    renderApp(new FakeWorkbook());
    await sampleTo("Review");
    for (const [name] of SAMPLE) {
      expect([name, tierOptions(name)]).toEqual([
        name,
        SENSITIVE.includes(name) ? ["Enterprise", "None"] : ["Enterprise", "Consumer", "None"],
      ]);
    }
    const select = screen.getByLabelText("Tier for Warehouse and field operations");
    await act(async () => {
      fireEvent.change(select, { target: { value: "Consumer" } });
    });
    const item = await workflowItem("Warehouse and field operations");
    expect(figure(item, "Tier")).toBe("Consumer, set by hand (the model chose None)");
    expect(within(item).getByText("Set by hand; the model chose None")).toBeTruthy();
    // 100 people at 20 a month for a year (model.md: Consumer's annual cost).
    expect(figure(item, "Annual cost")).toBe("24,000");
    expect(planRow("Seats")).toEqual(["200", "200"]);
  });

  test("assumptions, tiers set by hand and column choices are saved in the workbook and read back on open", async () => {
    const port = new FakeWorkbook();
    const first = renderApp(port);
    await sampleTo("Assumptions");
    typeInto("Consumer seat price (per seat a month)", "25");
    await click("Next: Review");
    await heading("Review");
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Tier for Operations reports"), { target: { value: "Enterprise" } });
    });
    await waitFor(() => expect(port.settings).not.toBeNull());
    await waitFor(() => expect(JSON.parse(port.settings!).overrides).toEqual({ "Operations reports": "Enterprise" }));
    const saved = JSON.parse(port.settings!);
    expect(saved.assumptions.consumerSeatPrice).toBe(25);
    expect(saved.table).toBe("SampleWorkflows");
    first.unmount();

    renderApp(port);
    await screen.findByRole("radio", { name: /SampleWorkflows/ });
    await waitIdle();
    expect((screen.getByRole("radio", { name: /SampleWorkflows/ }) as HTMLInputElement).checked).toBe(true);
    await click("Read the table");
    await heading("Columns");
    await click("Next: Assumptions");
    expect((screen.getByLabelText("Consumer seat price (per seat a month)") as HTMLInputElement).value).toBe("25");
    await click("Next: Review");
    expect((screen.getByLabelText("Tier for Operations reports") as HTMLSelectElement).value).toBe("Enterprise");
  });

  test("writing names the sheets and says when a foreign sheet forced a free name; again replaces only its own", async () => {
    const port = new FakeWorkbook({ sheets: ["AI Allocation"] });
    const onWritten = jest.fn();
    renderApp(port, onWritten);
    await sampleTo("Write");
    await click("Write the analysis");
    await screen.findByText(/^Sheets: AI Assumptions, AI Allocation \(2\), .*AI Comparison/);
    expect(
      screen.getByText(
        'A sheet named "AI Allocation" that the add-in did not create is left untouched; this part of the analysis went to "AI Allocation (2)".',
      ),
    ).toBeTruthy();
    expect(onWritten).toHaveBeenCalledTimes(1);
    const wanted = port.written[0].sheets.map((s) => s.name);
    expect(wanted).toEqual(expect.arrayContaining(["AI Assumptions", "AI Allocation", "AI Comparison"]));
    // In Excel the next action is in the same place: go to the allocation, one primary button.
    await click("Go to AI Allocation (2)");
    await waitFor(() => expect(port.selected).toEqual([{ sheet: "AI Allocation (2)", address: "A1" }]));

    await click("Write the analysis again");
    await waitFor(() => expect(port.written).toHaveLength(2));
    await screen.findByText(/^Sheets: AI Assumptions, AI Allocation \(2\), .*AI Comparison/);
    const own = wanted.map((n) => (n === "AI Allocation" ? "AI Allocation (2)" : n));
    expect([...port.sheets].sort()).toEqual(["AI Allocation", "Sample workflows", ...own].sort());
  });

  test("a long write shows a progress bar with what is happening, filled as the port reports", async () => {
    const port = new FakeWorkbook();
    let release = () => undefined as void;
    port.hold = new Promise<void>((resolve) => (release = resolve));
    renderApp(port);
    await sampleTo("Write");
    await click("Write the analysis");
    const bar = await screen.findByRole("progressbar", { name: "Writing the sheets…" });
    const sheets = port.written.length === 0 ? null : port.written[0].sheets.length;
    expect(sheets).toBeNull();
    await screen.findByText(/^Writing the sheets… Writing AI Assumptions \(\d+ %\)$/);
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    await act(async () => release());
    await screen.findByText(/^Sheets: AI Assumptions/);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  test("a large table leaves the sensitivity to a button, and a tier change does not wait for it", async () => {
    const header = ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"];
    const rows = [header, ...Array.from({ length: 600 }, (_, i) => [`W${i}`, 1 + (i % 9), 20, 1 + (i % 30), 50])];
    renderApp(new FakeWorkbook({ tables: { Large: { sheet: "Large", rows } } }));
    await screen.findByRole("radio", { name: /Large.*best match/ });
    await click("Read the table");
    await heading("Columns");
    await click("Next: Assumptions");
    await click("Next: Review");
    await heading("Review");
    expect(screen.queryByRole("img", { name: /Portfolio NPV at the low and high end/ })).toBeNull();
    await click("Work out the sensitivity");
    await screen.findByRole("img", { name: /Portfolio NPV at the low and high end/ }, { timeout: 10_000 });
    // A change makes the bars stale: they go, and the button comes back.
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Tier for W1"), { target: { value: "None" } });
    });
    expect(screen.queryByRole("img", { name: /Portfolio NPV at the low and high end/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Work out the sensitivity" })).toBeTruthy();
  });

  test("a failing workbook call is a message in the pane, and the wizard goes on", async () => {
    const port = new FakeWorkbook();
    port.failNext.listTables = new Error("The workbook is busy: try again in a moment.");
    renderApp(port);
    await screen.findByText("The workbook is busy: try again in a moment.");
    expect(screen.getByText("That did not work")).toBeTruthy();
    // No list, no dead end: the list can be asked for again.
    await click("Refresh the list");
    await click("Insert the sample table");
    await screen.findByRole("radio", { name: /SampleWorkflows/ });
    expect(screen.queryByText("That did not work")).toBeNull();

    port.failNext.writeAnalysis = new Error("Excel refused the write.");
    await click("Read the table");
    await heading("Columns");
    await click("Next: Assumptions");
    await click("Next: Review");
    await click("Next: Write");
    await click("Write the analysis");
    await screen.findByText("Excel refused the write.");
  });
});

describe("the error boundary", () => {
  test("a child that throws while rendering leaves a message and a way back, not a blank pane", async () => {
    let broken = true;
    function Fragile() {
      if (broken) throw new Error("The table changed under the wizard.");
      return <p>Back on track</p>;
    }
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(
        <FluentProvider theme={webLightTheme}>
          <ErrorBoundary>
            <Fragile />
          </ErrorBoundary>
        </FluentProvider>,
      );
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain("Something went wrong");
      expect(alert.textContent).toContain("The table changed under the wizard.");
      broken = false;
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Start again" }));
      });
      expect(screen.getByText("Back on track")).toBeTruthy();
    } finally {
      quiet.mockRestore();
    }
  });
});
