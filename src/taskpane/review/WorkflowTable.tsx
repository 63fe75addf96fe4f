import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { FormField, NativeSelect, TextInput } from "../controls";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Tier, WorkflowAnalysis } from "../../model";
import { count, decimal, money, months, percentOf, type CurrencySign } from "../format";
import { Explain, ExplainWrap } from "./Explain";
import type { Column, SortHandler, TierSetter } from "./tableTypes";
import { filterRows, reasonOf, sortRows, workflowRows, type Sort, type SortKey, type TierFilter, type WorkflowRow } from "./workflowRows";

const ROW_HEIGHT = 40;
const MAX_HEIGHT = 440;
// Rows drawn above and below the visible ones, so a fast scroll does not show blank rows.
const OVERSCAN = 6;
// From this width the table shows every column; below it, the pane's 350 px, the ones that fit.
const WIDE = 640;

const useStyles = makeStyles({
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  filter: { flexGrow: 1, minWidth: "140px" },
  scroller: {
    overflowY: "auto",
    overflowX: "hidden",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    position: "relative",
  },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& td, & th": {
      height: `${ROW_HEIGHT - 1}px`,
      padding: `0 ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      overflow: "hidden",
      textOverflow: "ellipsis",
      whiteSpace: "nowrap",
    },
    "& td.num, & th.num": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
  },
  sortButton: {
    minWidth: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    display: "inline-block",
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  name: {
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    textAlign: "left",
    padding: 0,
    border: "none",
    background: "none",
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    cursor: "pointer",
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  tier: { width: "100%", minWidth: 0 },
  byHand: { fontWeight: tokens.fontWeightSemibold },
  details: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, fontVariantNumeric: "tabular-nums" },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});


function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => (typeof window === "undefined" ? 1024 : window.innerWidth));
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => setWidth(entries[0].contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Every workflow as one row of a compact table: sortable by any figure, filterable by name and tier, with the
 * tier set by hand in the row itself, and a row's full figures and Reason on demand. Only the rows in view are
 * drawn, so 5,000 rows sort and re-render as fast as 50.
 */
export function WorkflowTable({
  analyses,
  currency,
  onTierSet,
  disabled,
}: {
  analyses: readonly WorkflowAnalysis[];
  currency: CurrencySign;
  onTierSet: TierSetter;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const [outer, width] = useWidth();
  const wide = width >= WIDE;
  const [sort, setSort] = useState<Sort>({ key: "order", descending: false });
  const [text, setText] = useState("");
  const [tierFilter, setTierFilter] = useState<TierFilter>("all");
  const [detail, setDetail] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => workflowRows(analyses), [analyses]);
  const shown = useMemo(() => sortRows(filterRows(rows, text, tierFilter), sort), [rows, text, tierFilter, sort]);
  const detailRow = detail === null ? undefined : rows.find((r) => r.name === detail);

  const toggleSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== "name" && key !== "tier" && key !== "payback" && key !== "breakeven" }));

  const tierCell = (row: WorkflowRow) => (
    <NativeSelect
      compact
      className={styles.tier}
      aria-label={`Tier for ${row.name}`}
      value={row.override ?? ""}
      disabled={disabled}
      onChange={(e) => onTierSet(row.name, e.target.value === "" ? null : (e.target.value as Tier))}
    >
      <option value="">{`${row.modelTier} (model)`}</option>
      {row.offered.map((tier) => (
        <option key={tier} value={tier}>
          {`${tier} (by hand)`}
        </option>
      ))}
    </NativeSelect>
  );

  const nameCell = (row: WorkflowRow) => (
    <button
      type="button"
      className={styles.name}
      aria-expanded={detail === row.name}
      title={row.name}
      onClick={() => setDetail((d) => (d === row.name ? null : row.name))}
    >
      {row.name}
    </button>
  );

  const columns: Column[] = [
    { key: "name", label: "Workflow", width: wide ? "22%" : "36%", cell: nameCell },
    { key: "tier", label: "Tier", width: wide ? "15%" : "34%", cell: tierCell },
    {
      key: "npv",
      label: "NPV",
      term: "NPV",
      width: wide ? "10%" : "30%",
      numeric: true,
      cell: (r) => money(r.npv, currency),
    },
    ...(wide
      ? ([
          { key: "roi", label: "ROI", term: "ROI", width: "8%", numeric: true, cell: (r) => percentOf(r.roi) },
          {
            key: "payback",
            label: "Payback (months)",
            term: "Payback",
            width: "9%",
            numeric: true,
            cell: (r) => (r.tier === "None" ? "–" : months(r.paybackMonths)),
          },
          {
            key: "minutes",
            label: "Minutes saved",
            width: "8%",
            numeric: true,
            cell: (r) => decimal(r.minutesSaved, r.minutesSaved % 1 === 0 ? 0 : 1),
          },
          {
            key: "breakeven",
            label: "Break-even",
            term: "Break-even minutes",
            width: "8%",
            numeric: true,
            cell: (r) => decimal(r.breakevenMinutes, 2),
          },
          { key: "reason", label: "Reason", width: "20%", cell: (r) => <span title={reasonOf(r)}>{reasonOf(r)}</span> },
        ] satisfies Column[])
      : []),
  ];

  const viewHeight = Math.min(MAX_HEIGHT, (shown.length + 1) * ROW_HEIGHT + 2);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const visible = shown.slice(first, last);

  return (
    <div ref={outer} className={styles.tools} style={{ flexDirection: "column", alignItems: "stretch" }}>
      <div className={styles.tools}>
        <FormField label="Find a workflow" className={styles.filter} compact>
          <TextInput compact value={text} onChange={(e) => setText(e.target.value)} placeholder="Part of its name" />
        </FormField>
        <FormField label="Show" compact>
          <NativeSelect compact value={tierFilter} onChange={(e) => setTierFilter(e.target.value as TierFilter)}>
            <option value="all">Every tier</option>
            <option value="Enterprise">Enterprise</option>
            <option value="Consumer">Consumer</option>
            <option value="None">None</option>
            <option value="byHand">Set by hand</option>
          </NativeSelect>
        </FormField>
        {sort.key !== "order" && (
          <Button size="small" onClick={() => setSort({ key: "order", descending: false })}>
            Table order
          </Button>
        )}
      </div>
      <Text size={200} className={styles.muted} aria-live="polite">
        {shown.length === rows.length
          ? `${count(rows.length, "workflow")}. Select a name for its figures and the reason for its tier.`
          : `${count(shown.length, "workflow")} of ${rows.length.toLocaleString("en-US")} shown.`}
      </Text>
      <div
        ref={scroller}
        className={styles.scroller}
        style={{ height: `${viewHeight}px` }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="workflow-table"
      >
        <table className={styles.table} aria-rowcount={shown.length + 1}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => {
                const sortable = c.key !== "reason";
                const active = sort.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={`${styles.head}${c.numeric ? " num" : ""}`}
                    aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
                  >
                    {sortable ? <SortButton column={c} active={active} descending={sort.descending} onSort={toggleSort} /> : c.label}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }}>
                <td colSpan={columns.length} style={{ height: `${first * ROW_HEIGHT}px`, padding: 0, border: "none" }} />
              </tr>
            )}
            {visible.map((row, i) => (
              <tr
                key={row.name}
                aria-rowindex={first + i + 2}
                className={detail === row.name ? styles.selected : undefined}
              >
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? "num" : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
            {last < shown.length && (
              <tr aria-hidden="true">
                <td
                  colSpan={columns.length}
                  style={{ height: `${(shown.length - last) * ROW_HEIGHT}px`, padding: 0, border: "none" }}
                />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {detailRow && <WorkflowDetails row={detailRow} currency={currency} onClose={() => setDetail(null)} />}
    </div>
  );
}

function WorkflowDetails({ row, currency, onClose }: { row: WorkflowRow; currency: CurrencySign; onClose: () => void }) {
  const styles = useStyles();
  return (
    <section aria-label={`Figures for ${row.name}`} className={styles.tools} style={{ flexDirection: "column", alignItems: "stretch" }}>
      <Text weight="semibold">{row.name}</Text>
      <Text size={200}>{reasonOf(row)}</Text>
      <dl className={styles.details}>
        <dt>Tier</dt>
        <dd className={row.override ? styles.byHand : undefined}>
          {row.override ? `${row.tier}, set by hand (the model chose ${row.modelTier})` : row.tier}
        </dd>
        <dt>Annual value</dt>
        <dd>{money(row.annualValue, currency)}</dd>
        <dt>Annual cost</dt>
        <dd>{money(row.annualCost, currency)}</dd>
        <dt>One-time cost</dt>
        <dd>{money(row.oneTimeCost, currency)}</dd>
        <dt>
          <Explain term="NPV" />
        </dt>
        <dd>{money(row.npv, currency)}</dd>
        <dt>
          <Explain term="ROI" />
        </dt>
        <dd>{percentOf(row.roi)}</dd>
        <dt>
          <Explain term="Payback" />
        </dt>
        <dd>{row.tier === "None" ? "–" : `${months(row.paybackMonths)}${row.paybackMonths === null ? "" : " months"}`}</dd>
        <dt>Minutes saved per task</dt>
        <dd>{decimal(row.minutesSaved, 2)}</dd>
        <dt>
          <Explain term="Break-even minutes" />
        </dt>
        <dd>{decimal(row.breakevenMinutes, 2)}</dd>
        <dt>
          <Explain term="Safety margin" />
        </dt>
        <dd>{percentOf(row.safetyMargin)}</dd>
      </dl>
      {row.sensitive && (
        <Text size={200} className={styles.muted}>
          Sensitive data: Consumer is not offered.
        </Text>
      )}
      <div>
        <Button size="small" onClick={onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}

function SortButton({
  column,
  active,
  descending,
  onSort,
}: {
  column: Column;
  active: boolean;
  descending: boolean;
  onSort: SortHandler;
}) {
  const styles = useStyles();
  const button = (describedBy?: string) => (
    <Button
      appearance="transparent"
      size="small"
      className={styles.sortButton}
      aria-describedby={describedBy}
      onClick={() => onSort(column.key as SortKey)}
    >
      {column.label}
      {active ? (descending ? " ▼" : " ▲") : ""}
    </Button>
  );
  return column.term ? <ExplainWrap term={column.term} align={column.numeric ? "end" : undefined}>{button}</ExplainWrap> : button();
}
