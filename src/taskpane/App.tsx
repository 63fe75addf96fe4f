import type { AppProps } from "./appProps";
import { ErrorBoundary } from "./ErrorBoundary";
import { Wizard } from "./Wizard";

export type { AppProps };

/** The task-pane wizard, for any host that offers a WorkbookPort. */
export function App(props: AppProps) {
  return (
    <ErrorBoundary>
      <Wizard {...props} />
    </ErrorBoundary>
  );
}
