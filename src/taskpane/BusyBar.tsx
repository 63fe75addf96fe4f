import { makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../workbook/port";
import { Text } from "./text";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  track: {
    position: "relative",
    height: "4px",
    overflow: "hidden",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
  },
  bar: {
    position: "absolute",
    top: 0,
    bottom: 0,
    left: 0,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorCompoundBrandBackground,
    transitionProperty: "width",
    transitionDuration: tokens.durationNormal,
  },
  // Work that cannot say how far it has got: a bar that travels, as Fluent's indeterminate progress does.
  moving: {
    width: "33%",
    animationName: { "0%": { left: "-33%" }, "100%": { left: "100%" } },
    animationDuration: "1.5s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationName: "none", width: "100%", opacity: 0.5 },
  },
});

/**
 * What the pane is doing while it works: a progress bar that fills where the work reports how far it has got
 * and travels where it cannot, always with words for what is happening.
 */
export function BusyBar({ label, progress }: { label: string; progress?: Progress | null }) {
  const styles = useStyles();
  const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const text = progress ? `${label} ${progress.stage}${share === undefined ? "" : ` (${Math.round(share * 100)} %)`}` : label;
  return (
    <div className={styles.root}>
      <div
        className={styles.track}
        role="progressbar"
        aria-label={label}
        aria-valuemin={share === undefined ? undefined : 0}
        aria-valuemax={share === undefined ? undefined : 100}
        aria-valuenow={share === undefined ? undefined : Math.round(share * 100)}
      >
        <div
          className={share === undefined ? `${styles.bar} ${styles.moving}` : styles.bar}
          style={share === undefined ? undefined : { width: `${share * 100}%` }}
        />
      </div>
      <Text size={200} role="status" aria-live="polite">
        {text}
      </Text>
    </div>
  );
}
