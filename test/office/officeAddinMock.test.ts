// office-addin-manifest (a dependency of the mock) loads ESM-only packages that jest cannot require; the mock
// only needs its OfficeApp enum.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

import { OfficeMockObject } from "office-addin-mock";
import { SETTINGS_MARKER } from "../../src/workbook/marker";
import { OfficeWorkbook, SETTINGS_KEY, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";

/**
 * The adapter against office-addin-mock, Microsoft's mock of the Office.js object model. The mock models load and
 * sync (a property read without both gives an error text, not the value) but has no ranges or addresses of its
 * own, so each test hands it the objects a call reaches. It checks that the adapter loads what it reads.
 */

interface MockContext {
  sync(): Promise<void>;
}

function runWith(mock: OfficeMockObject): ExcelRun {
  const context = (mock as unknown as { context: MockContext }).context;
  return ((batch: (context: never) => Promise<unknown>) => batch(context as never)) as ExcelRun;
}

describe("office-addin-mock", () => {
  test("readTable loads values only and asks Excel for the error cells: an error is {error}, empty is null", async () => {
    const block = {
      values: [
        ["Workflow", "People", "Hourly cost"],
        ["Contract review", "#N/A", 85],
        ["#N/A", "", 40],
      ],
      numberFormat: [
        ["General", "General", "General"],
        ["General", "General", "$#,##0"],
        ["General", "General", "$#,##0"],
      ],
      constantErrors: { address: "Budget!C4" },
      formulaErrors: { address: "" },
      getSpecialCellsOrNullObject(kind: string) {
        return kind === "Constants" ? this.constantErrors : this.formulaErrors;
      },
    };
    const requested: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              name: "Budget",
              block,
              used: { address: "Budget!B3:D5" },
              getUsedRangeOrNullObject() {
                return this.used;
              },
              getRange(address: string) {
                requested.push(address);
                return this.block;
              },
            },
            getItem(name: string) {
              requested.push(name);
              return this.sheet;
            },
          },
        },
      },
    });
    // A null object is known only after a sync; the mock has no such notion, so give the answers.
    const sheet = (
      mock as unknown as { context: { workbook: { worksheets: { sheet: Record<string, Record<string, unknown>> } } } }
    ).context.workbook.worksheets.sheet;
    Object.defineProperty(sheet.used, "isNullObject", { value: false });
    Object.defineProperty(sheet.block.constantErrors, "isNullObject", { value: false });
    Object.defineProperty(sheet.block.formulaErrors, "isNullObject", { value: true });

    const grid = await new OfficeWorkbook(runWith(mock)).readTable("Budget!B3:D5");
    // The sheet; then the block, twice more for its error cells, once for its number formats.
    expect(requested).toEqual(["Budget", "B3:D5", "B3:D5", "B3:D5", "B3:D5"]);
    expect(grid).toEqual({
      sheet: "Budget",
      address: "B3:D5",
      firstRow: 3,
      firstColumn: 2,
      values: [
        ["Workflow", "People", "Hourly cost"],
        ["Contract review", { error: "#N/A" }, 85],
        ["#N/A", null, 40],
      ],
      columnFormats: [null, null, "$#,##0"],
    });
  });

  test("settings: null where none was saved, then what was saved, under the add-in's key", async () => {
    const stored = new Map<string, string>();
    const requestedNames: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          // No settings sheet from the playground or the command line either.
          names: {
            marker: { type: "" },
            getItemOrNullObject(name: string) {
              requestedNames.push(name);
              return this.marker;
            },
          },
          settings: {
            setting: { value: "" },
            add(key: string, value: string) {
              stored.set(key, value);
            },
            getItemOrNullObject(key: string) {
              // setValue puts a value back to "not loaded", so the adapter must load it again.
              const setting = this.setting as unknown as { setValue(name: string, value: unknown): void };
              // A null object is known only after a sync; the mock has no such notion, so give the answer.
              Object.defineProperty(setting, "isNullObject", { value: !stored.has(key), configurable: true });
              setting.setValue("value", stored.get(key) ?? "");
              return setting;
            },
          },
        },
      },
    });
    const marker = (mock as unknown as { context: { workbook: { names: { marker: object } } } }).context.workbook.names
      .marker;
    Object.defineProperty(marker, "isNullObject", { value: true });
    const port = new OfficeWorkbook(runWith(mock));
    expect(await port.loadSettings()).toBeNull();
    expect(requestedNames).toEqual([SETTINGS_MARKER]);
    await port.saveSettings('{"overrides":{"Ticket triage":"Team"}}');
    expect([...stored.keys()]).toEqual([SETTINGS_KEY]);
    expect(await port.loadSettings()).toBe('{"overrides":{"Ticket triage":"Team"}}');
  });
});
