import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Start again" so the wizard mounts afresh. */
  generation: number;
}

/** A failure while rendering shows as a message with a way back, never as a blank pane. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The message is in the pane; the stack is for whoever opens the developer tools.
    console.error(error, info.componentStack);
  }

  private restart = (): void => {
    this.setState((s) => ({ error: null, generation: s.generation + 1 }));
  };

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (error) {
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Something went wrong</MessageBarTitle>
            {error.message || "An unexpected error stopped the wizard."}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={this.restart}>Start again</Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    return <div key={generation}>{this.props.children}</div>;
  }
}
