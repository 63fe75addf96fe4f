/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { OfficePane } from "../../src/taskpane/App";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";
import {
  answeringPort,
  ExcelNotAnswering,
  paneVisibility,
  type VisibilityEvents,
} from "../../src/workbook/office/paneHost";
import type { WorkbookPort } from "../../src/workbook/port";
import { SAMPLE_CSV_TEXT } from "../taskpane/sampleCsv";
import { FakeExcel } from "./fakeExcel";

/**
 * Issue 8, items 3, 8 and 9 on the pane's side: the shared runtime may start hidden at file open and lives on;
 * the pane waits until it is shown, puts a time limit with a Retry on its first Excel call, lists the tables
 * again and reads the theme again each time it is shown.
 */

/** Office.addin's visibility event, fired by the test. */
function fakeAddin() {
  type Handler = Parameters<VisibilityEvents["onVisibilityModeChanged"]>[0];
  let handler: Handler | null = null;
  const events: VisibilityEvents = {
    onVisibilityModeChanged(h) {
      handler = h;
      return Promise.resolve(async () => {
        handler = null;
      });
    },
  };
  return {
    events,
    show: () => act(() => handler?.({ visibilityMode: "Taskpane" })),
    hide: () => act(() => handler?.({ visibilityMode: "Hidden" })),
  };
}

/** The adapter over the fake Excel, counting each port call by name. */
function countedPort(excel: FakeExcel) {
  const calls: string[] = [];
  const inner = new OfficeWorkbook(excel.run as unknown as ExcelRun);
  const port = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return Reflect.apply(value as () => unknown, target, args);
      };
    },
  }) as WorkbookPort;
  return { port, calls };
}

function userWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Budget", [
    ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
    ["Contract review", 12, 30, 20, 85],
  ]);
  excel.addTable("Workflows", "Budget", "A1:E2");
  return excel;
}

describe("paneVisibility", () => {
  test("first shown at once where the pane is visible; else on the first Taskpane event, not on Hidden", async () => {
    let shown = false;
    void paneVisibility(undefined, true).firstShown.then(() => (shown = true));
    await Promise.resolve();
    expect(shown).toBe(true);

    const addin = fakeAddin();
    const visibility = paneVisibility(addin.events, false);
    let first = false;
    void visibility.firstShown.then(() => (first = true));
    const seen: number[] = [];
    const stop = visibility.onShown(() => seen.push(seen.length));
    await addin.hide();
    expect(first).toBe(false);
    await addin.show();
    await addin.show();
    expect(first).toBe(true);
    expect(seen).toEqual([0, 1]);
    stop();
    await addin.show();
    expect(seen).toEqual([0, 1]);
  });
});

describe("answeringPort", () => {
  afterEach(() => jest.useRealTimers());

  test("a first call that hangs becomes a clear message; once Excel answered, a long call is never cut short", async () => {
    jest.useFakeTimers();
    let answer: (() => void) | null = null;
    const slow = new Promise<void>((resolve) => (answer = resolve));
    const port = answeringPort(
      {
        ownSheets: () => new Promise(() => undefined),
        listTables: () => Promise.resolve([]),
        saveSettings: () => slow,
      } as unknown as WorkbookPort,
      20,
    );
    const hung = port.ownSheets();
    jest.advanceTimersByTime(20_000);
    await expect(hung).rejects.toBeInstanceOf(ExcelNotAnswering);
    await expect(hung).rejects.toThrow("Excel did not answer within 20 seconds");
    await port.listTables();
    const saving = port.saveSettings("{}");
    jest.advanceTimersByTime(60_000);
    answer!();
    await expect(saving).resolves.toBeUndefined();
  });
});

describe("OfficePane", () => {
  test("asks Excel nothing while hidden at file open; once shown, the wizard lists the tables", async () => {
    const addin = fakeAddin();
    const excel = userWorkbook();
    const { port, calls } = countedPort(excel);
    render(
      <OfficePane
        port={answeringPort(port)}
        sampleCsv={SAMPLE_CSV_TEXT}
        visibility={paneVisibility(addin.events, false)}
        readTheme={() => ({ isDarkTheme: false })}
      />,
    );
    await act(async () => undefined);
    expect(calls).toEqual([]);
    expect(excel.syncs).toBe(0);
    await addin.show();
    await screen.findByRole("radio", { name: /Workflows/ });
    expect(calls[0]).toBe("ownSheets");
    expect(calls).toContain("listTables");
  });

  test("Excel not answering: a message and Retry, which asks again and opens the wizard when Excel answers", async () => {
    const excel = userWorkbook();
    const { port } = countedPort(excel);
    let hang = true;
    const hanging: WorkbookPort = new Proxy(port, {
      get(target, key, receiver) {
        if (key === "ownSheets" && hang) return () => new Promise(() => undefined);
        return Reflect.get(target, key, receiver);
      },
    });
    jest.useFakeTimers();
    try {
      render(
        <OfficePane
          port={answeringPort(hanging, 5)}
          sampleCsv={SAMPLE_CSV_TEXT}
          visibility={paneVisibility(undefined, true)}
          readTheme={() => undefined}
        />,
      );
      // Let the first-shown promise start the call, then let its time run out.
      await act(async () => undefined);
      await act(async () => {
        jest.advanceTimersByTime(5_000);
      });
    } finally {
      jest.useRealTimers();
    }
    expect(await screen.findByText("Excel is not answering")).toBeTruthy();
    expect(screen.getByText(/Excel did not answer within 5 seconds/)).toBeTruthy();
    hang = false;
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    });
    await screen.findByRole("radio", { name: /Workflows/ });
  });

  test("shown again: the theme is read again and the tables listed again, so a table added meanwhile shows", async () => {
    const addin = fakeAddin();
    const excel = userWorkbook();
    const { port, calls } = countedPort(excel);
    let dark = false;
    const { container } = render(
      <OfficePane
        port={answeringPort(port)}
        sampleCsv={SAMPLE_CSV_TEXT}
        visibility={paneVisibility(addin.events, true)}
        readTheme={() => ({ isDarkTheme: dark })}
      />,
    );
    await screen.findByRole("radio", { name: /Workflows/ });
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("light");

    await addin.hide();
    dark = true;
    excel.addSheet("Q2", [
      ["Workflow", "People"],
      ["Invoices", 3],
    ]);
    const before = calls.filter((c) => c === "listTables").length;
    await addin.show();
    await waitFor(() => expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark"));
    await waitFor(() => expect(calls.filter((c) => c === "listTables").length).toBeGreaterThan(before));
    await screen.findByRole("radio", { name: /Q2/ });
  });
});
