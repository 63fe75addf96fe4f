import { makeStyles, mergeClasses, tokens, useFieldControlProps_unstable as useFieldControlProps } from "@fluentui/react-components";
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Native form controls dressed in Fluent's tokens. Fluent's Input, Select and Textarea wrap the same elements
 * with more machinery than the pane needs, and the pane's scripts must stay under the React template's size
 * (bench/taskpane.ts). Inside a Fluent Field they take the field's label, hint and error through its props
 * (useFieldControlProps), so labelling and validation work as with Fluent's own controls.
 */

function borderColour(colour: string) {
  return { borderTopColor: colour, borderRightColor: colour, borderBottomColor: colour, borderLeftColor: colour };
}

const useStyles = makeStyles({
  control: {
    boxSizing: "border-box",
    maxWidth: "100%",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": {
      ...borderColour(tokens.colorNeutralStroke1Hover),
      borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
    },
    ":focus": {
      outlineStyle: "none",
      borderBottomColor: tokens.colorCompoundBrandStroke,
      boxShadow: `inset 0 -1px 0 0 ${tokens.colorCompoundBrandStroke}`,
    },
    ":disabled": {
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorTransparentBackground,
      ...borderColour(tokens.colorNeutralStrokeDisabled),
      cursor: "not-allowed",
    },
    "&[aria-invalid=true]": borderColour(tokens.colorPaletteRedBorder2),
  },
  small: { minHeight: "24px", fontSize: tokens.fontSizeBase200, padding: `0 ${tokens.spacingHorizontalXS}` },
  select: { cursor: "pointer", paddingRight: tokens.spacingHorizontalXS },
  textarea: { padding: tokens.spacingHorizontalS, resize: "vertical", minHeight: "72px", width: "100%" },
  wide: { width: "100%" },
});

/** A smaller control, for a table row. */
type Size = { compact?: boolean };

export function TextInput({ compact, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & Size) {
  const styles = useStyles();
  const props = useFieldControlProps(rest, { supportsLabelFor: true });
  return (
    <input
      type="text"
      {...props}
      className={mergeClasses(styles.control, styles.wide, compact && styles.small, className)}
    />
  );
}

export function NativeSelect({ compact, className, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & Size) {
  const styles = useStyles();
  const props = useFieldControlProps(rest, { supportsLabelFor: true });
  return (
    <select
      {...props}
      className={mergeClasses(styles.control, styles.select, compact && styles.small, className)}
    />
  );
}

export function TextArea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const styles = useStyles();
  const props = useFieldControlProps(rest, { supportsLabelFor: true });
  return <textarea {...props} className={mergeClasses(styles.control, styles.textarea, className)} />;
}
