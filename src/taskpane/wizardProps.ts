import type { AppProps } from "./appProps";

/** What a host may put at the end of the flow, in the Write step's place for the next action. */
export interface AfterWrite {
  /** The primary action once the sheets are written, e.g. "Download the result workbook". */
  label: string;
  /** Does it; resolves to the confirmation shown once done. */
  run(): Promise<string>;
}

export interface WizardProps extends AppProps {
  /** The playground's download; absent in Excel, where the next action is to go to AI Allocation. */
  afterWrite?: AfterWrite;
  /** Show the written sheets' first rows on the Write step (the playground, where they cannot be seen otherwise). */
  previewWritten?: boolean;
}
