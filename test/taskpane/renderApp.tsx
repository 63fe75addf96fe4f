import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookPort } from "../../src/workbook/port";
import { SAMPLE_CSV_TEXT } from "./sampleCsv";

export function renderApp(port: WorkbookPort, onWritten?: () => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} sampleCsv={SAMPLE_CSV_TEXT} onWritten={onWritten} />
    </FluentProvider>,
  );
}

export async function waitIdle(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  await waitFor(() => expect(document.querySelector(".fui-Spinner")).toBeNull());
}

export async function heading(step: string): Promise<void> {
  await screen.findByRole("heading", { name: new RegExp(`Step \\d of 5: ${step}`) });
}

export async function click(name: string | RegExp): Promise<void> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(button);
  });
}

/** From an empty workbook: insert the sample, read it, and step on to the named step. */
export async function sampleTo(step: "Columns" | "Assumptions" | "Review" | "Write"): Promise<void> {
  await screen.findByText(/This workbook has no table yet/);
  await click("Insert the sample table");
  await screen.findByRole("radio", { name: /SampleWorkflows/ });
  await click("Read the table");
  await heading("Columns");
  if (step === "Columns") return;
  await click("Next: Assumptions");
  await heading("Assumptions");
  if (step === "Assumptions") return;
  await click("Next: Review");
  await heading("Review");
  if (step === "Review") return;
  await click("Next: Write");
  await heading("Write");
}

export function typeInto(label: string | RegExp, text: string): void {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value: text } });
}
