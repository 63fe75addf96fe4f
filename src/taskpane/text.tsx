import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { HTMLAttributes } from "react";

/**
 * Text in the theme's type ramp: what Fluent's Text does for the pane, in a few lines, because every kilobyte
 * of the pane's scripts counts against the React template's size (bench/taskpane.ts).
 */
const useStyles = makeStyles({
  base: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: "inherit",
  },
  s200: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  s400: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  s500: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  semibold: { fontWeight: tokens.fontWeightSemibold },
});

export function Text({
  size,
  weight,
  className,
  ...props
}: HTMLAttributes<HTMLSpanElement> & { size?: 200 | 300 | 400 | 500; weight?: "regular" | "semibold" }) {
  const styles = useStyles();
  return (
    <span
      {...props}
      className={mergeClasses(
        styles.base,
        size === 200 && styles.s200,
        size === 400 && styles.s400,
        size === 500 && styles.s500,
        weight === "semibold" && styles.semibold,
        className,
      )}
    />
  );
}
