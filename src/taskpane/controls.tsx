import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import {
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

/**
 * Native form controls and a field around them, dressed in Fluent's tokens. Fluent's Field, Input, Select and
 * Textarea wrap the same elements with more machinery than the pane needs, and the pane's scripts must stay under
 * the React template's size (bench/taskpane.ts). Inside a FormField a control takes the field's label, hint and
 * message (id, aria-describedby, aria-invalid), so labelling and validation work as with Fluent's own.
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
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  smallLabel: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  hint: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  error: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorPaletteRedForeground1 },
  warning: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});

interface FieldLink {
  id: string;
  describedBy?: string;
  invalid: boolean;
}

const FieldContext = createContext<FieldLink | null>(null);

/** What a control inside a FormField takes from it. */
function useFieldLink(): Record<string, string | boolean | undefined> {
  const link = useContext(FieldContext);
  return link ? { id: link.id, "aria-describedby": link.describedBy, "aria-invalid": link.invalid || undefined } : {};
}

/**
 * A label above its control, then the error or warning, then the hint: the order Fluent's Field uses. The
 * message comes first among the descriptions so a screen reader says what is wrong before how to fill it.
 */
export function FormField({
  label,
  hint,
  validationState = "none",
  validationMessage,
  compact,
  className,
  children,
}: {
  label: string;
  hint?: ReactNode;
  validationState?: "none" | "error" | "warning";
  validationMessage?: string;
  compact?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const id = useId("field");
  const message = validationMessage && validationState !== "none" ? validationMessage : undefined;
  const describedBy = [message ? `${id}-message` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={mergeClasses(styles.field, className)}>
      <label htmlFor={id} className={mergeClasses(styles.label, compact && styles.smallLabel)}>
        {label}
      </label>
      <FieldContext.Provider value={{ id, describedBy, invalid: validationState === "error" }}>
        {children}
      </FieldContext.Provider>
      {message && (
        <span
          id={`${id}-message`}
          role={validationState === "error" ? "alert" : undefined}
          className={validationState === "error" ? styles.error : styles.warning}
        >
          {message}
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** A smaller control, for a table row. */
type Size = { compact?: boolean };

export function TextInput({ compact, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & Size) {
  const styles = useStyles();
  const props = { ...useFieldLink(), ...rest };
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
  const props = { ...useFieldLink(), ...rest };
  return (
    <select
      {...props}
      className={mergeClasses(styles.control, styles.select, compact && styles.small, className)}
    />
  );
}

export function TextArea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const styles = useStyles();
  const props = { ...useFieldLink(), ...rest };
  return <textarea {...props} className={mergeClasses(styles.control, styles.textarea, className)} />;
}
