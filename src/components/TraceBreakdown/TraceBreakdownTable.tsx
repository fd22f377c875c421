import type { BreakdownDimension, BreakdownOccurrence, BreakdownRow, TraceBreakdown } from "../../core/traceBreakdownTypes";
import { formatCost, formatLatency } from "../../core/format";
import { LINK_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { TraceBreakdownNote } from "./TraceBreakdownNote";
import { BREAKDOWN_COLUMNS, BREAKDOWN_DIMENSIONS, breakdownCells, formatShare, rowKey, shareFor, type BreakdownSortBy } from "./traceBreakdownModel";

/** Which occurrence a row's button opens. */
export type BreakdownOccurrenceKind = "slowest" | "mostExpensive";

/** What `onOpenOccurrence` receives besides the occurrence. */
export interface BreakdownOccurrenceContext {
  which: BreakdownOccurrenceKind;
  row: BreakdownRow;
}

export interface TraceBreakdownTableProps {
  breakdown: TraceBreakdown;
  rows: readonly BreakdownRow[];
  sortBy: BreakdownSortBy;
  onSortByChange: (sortBy: BreakdownSortBy) => void;
  onOpenOccurrence?: (occurrence: BreakdownOccurrence, context: BreakdownOccurrenceContext) => void;
  locale?: string;
}

const CELL = "tl:px-2 tl:py-1 tl:text-right tl:tabular-nums tl:whitespace-nowrap";
const HEAD = "tl:px-2 tl:py-1 tl:font-medium tl:text-muted tl:whitespace-nowrap";

function ShareBar({ share, locale }: { share: number | null; locale?: string }) {
  return (
    <span className="tl:inline-flex tl:items-center tl:gap-1.5">
      <span aria-hidden="true" className="tl:inline-block tl:h-1.5 tl:w-16 tl:overflow-hidden tl:rounded-full tl:bg-bg-subtle">
        <span className="tl:block tl:h-full tl:bg-accent" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      </span>
      <span className="tl:w-10 tl:text-right">{formatShare(share, locale)}</span>
    </span>
  );
}

function OccurrenceButtons({ row, onOpen, locale }: { row: BreakdownRow; onOpen?: TraceBreakdownTableProps["onOpenOccurrence"]; locale?: string }) {
  const items: Array<{ which: BreakdownOccurrenceKind; occurrence: BreakdownOccurrence; text: string; verb: string }> = [];
  if (row.slowest) items.push({ which: "slowest", occurrence: row.slowest, text: `Slowest ${formatLatency(row.slowest.value, { locale })}`, verb: "slowest" });
  if (row.mostExpensive) items.push({ which: "mostExpensive", occurrence: row.mostExpensive, text: `Costliest ${formatCost(row.mostExpensive.value, { locale })}`, verb: "most expensive" });
  if (items.length === 0) return <span className="tl:text-muted">—</span>;
  return (
    <span className="tl:inline-flex tl:flex-wrap tl:justify-end tl:gap-x-2">
      {items.map((item) =>
        onOpen ? (
          <button
            key={item.which}
            type="button"
            data-slot="breakdown-occurrence"
            data-which={item.which}
            className={LINK_BUTTON}
            onClick={() => onOpen(item.occurrence, { which: item.which, row })}
          >
            {item.text}
            {/* The visible text starts the name (WCAG 2.5.3); the rest says what opens. */}
            <span className="tl:sr-only">: open the {item.verb} {row.label}</span>
          </button>
        ) : (
          <span key={item.which} className="tl:text-xs tl:text-muted">
            {item.text}
          </span>
        ),
      )}
    </span>
  );
}

function dimensionColumn(dimension: BreakdownDimension): string {
  return BREAKDOWN_DIMENSIONS.find((d) => d.dimension === dimension)?.column ?? "Name";
}

/** The breakdown as a table: one row per tool, model or span name, then what no row holds, then the whole. */
export function TraceBreakdownTable({ breakdown, rows, sortBy, onSortByChange, onOpenOccurrence, locale }: TraceBreakdownTableProps) {
  const shareLabel = BREAKDOWN_COLUMNS.find((c) => c.sortBy === sortBy)?.shareOf ?? "cost";
  const total = breakdown.total;
  const rest = breakdown.rest;
  const restCells = breakdownCells(rest, locale);
  const totalCells = breakdownCells(total, locale);
  return (
    <table data-slot="breakdown-table" className="tl:w-full tl:border-collapse tl:text-sm">
      <caption className="tl:sr-only">
        Cost, tokens, latency and self time per {dimensionColumn(breakdown.dimension).toLowerCase()}, sorted by {BREAKDOWN_COLUMNS.find((c) => c.sortBy === sortBy)?.label.toLowerCase()}
      </caption>
      <thead>
        <tr className="tl:border-b tl:border-border">
          <th scope="col" className={cn(HEAD, "tl:text-left")}>
            {dimensionColumn(breakdown.dimension)}
          </th>
          {BREAKDOWN_COLUMNS.map((column) => (
            <th key={column.sortBy} scope="col" aria-sort={column.sortBy === sortBy ? "descending" : undefined} className={cn(HEAD, "tl:text-right")}>
              <button
                type="button"
                data-slot="breakdown-sort"
                onClick={() => onSortByChange(column.sortBy)}
                className={cn("tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:font-medium tl:focus-visible:outline-2 tl:focus-visible:outline-focus", column.sortBy === sortBy ? "tl:text-fg" : "tl:text-muted")}
              >
                {column.label}
                {column.sortBy === sortBy && <span aria-hidden="true"> ↓</span>}
              </button>
            </th>
          ))}
          <th scope="col" className={cn(HEAD, "tl:text-right")}>
            Share of {shareLabel}
          </th>
          <th scope="col" className={cn(HEAD, "tl:text-right")}>
            Occurrence
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const cells = breakdownCells(row, locale);
          return (
            <tr key={rowKey(row, index)} data-slot="breakdown-row" data-key={row.key ?? ""} className="tl:border-b tl:border-border tl:hover:bg-bg-subtle">
              <th scope="row" className="tl:max-w-[22rem] tl:px-2 tl:py-1 tl:text-left tl:font-normal">
                <span className="tl:block tl:truncate" title={row.label} dir="auto">
                  {row.label}
                </span>
                {(row.provider || cells.errors || row.traceCount > 1) && (
                  <span className="tl:block tl:text-xs tl:text-muted">
                    {[row.provider, breakdown.traceCount > 1 ? `${row.traceCount} of ${breakdown.traceCount} traces` : "", cells.errors].filter(Boolean).join(" · ")}
                  </span>
                )}
              </th>
              <td className={CELL}>{cells.count}</td>
              <td className={CELL}>
                <TraceBreakdownNote note={cells.cost.note}>{cells.cost.text}</TraceBreakdownNote>
              </td>
              <td className={CELL}>
                <TraceBreakdownNote note={cells.tokens.note}>{cells.tokens.text}</TraceBreakdownNote>
              </td>
              <td className={CELL}>{cells.latency}</td>
              <td className={CELL}>{cells.selfTime}</td>
              <td className={CELL}>
                <ShareBar share={shareFor(row, total, sortBy)} locale={locale} />
              </td>
              <td className={cn(CELL, "tl:text-xs")}>
                <OccurrenceButtons row={row} onOpen={onOpenOccurrence} locale={locale} />
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot className="tl:text-muted">
        {rest.count > 0 || rest.cost !== null || rest.selfTime !== null ? (
          <tr data-slot="breakdown-rest" className="tl:border-b tl:border-border">
            <th scope="row" className="tl:px-2 tl:py-1 tl:text-left tl:font-normal">
              Everything else
            </th>
            <td className={CELL}>{restCells.count}</td>
            <td className={CELL}>
              <TraceBreakdownNote note={restCells.cost.note}>{restCells.cost.text}</TraceBreakdownNote>
            </td>
            <td className={CELL}>{restCells.tokens.text}</td>
            <td className={CELL}>—</td>
            <td className={CELL}>{restCells.selfTime}</td>
            <td className={CELL}>
              <ShareBar share={sortBy === "latency" || sortBy === "wallTime" ? null : shareFor(rest, total, sortBy)} locale={locale} />
            </td>
            <td className={CELL} />
          </tr>
        ) : null}
        <tr data-slot="breakdown-total" className="tl:font-medium tl:text-fg">
          <th scope="row" className="tl:px-2 tl:py-1 tl:text-left">
            Total{breakdown.traceCount > 1 ? ` (${breakdown.traceCount} traces)` : ""}
          </th>
          <td className={CELL}>{totalCells.count}</td>
          <td className={CELL}>
            <TraceBreakdownNote note={totalCells.cost.note}>{totalCells.cost.text}</TraceBreakdownNote>
          </td>
          <td className={CELL}>
            <TraceBreakdownNote note={totalCells.tokens.note}>{totalCells.tokens.text}</TraceBreakdownNote>
          </td>
          <td className={CELL}>{totalCells.latency}</td>
          <td className={CELL}>{totalCells.selfTime}</td>
          <td className={CELL} />
          <td className={CELL} />
        </tr>
      </tfoot>
    </table>
  );
}
