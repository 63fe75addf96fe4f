import { FluentProvider, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { fluentTheme } from "./theme";

const useStyles = makeStyles({
  // The provider paints the theme's background; it fills the pane so a dark theme has no white band below.
  root: { minHeight: "100vh" },
});

export function ThemedShell({ dark, children }: { dark: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(dark)} className={styles.root} data-theme={dark ? "dark" : "light"}>
      {children}
    </FluentProvider>
  );
}
