import type { ErrorGroup } from "../../core/errorGroups";
import type { DataTableColumn } from "../ui/dataTableFeatures";
import { cutText } from "../../core/boundedText";
import { CountText, RelativeTime, type ExploreFormat } from "../ui/exploreCells";
import { Sparkline } from "../ui/Sparkline";

/** An ErrorsTable column. Ids of sortable ones are PostHog's sort columns. */
export type ErrorsTableColumn = DataTableColumn<ErrorGroup>;

/** Error counts per bucket for the sparkline column (`useErrorTrends`' answer). */
export interface ErrorTrendsLookup {
  buckets: readonly string[];
  series: Readonly<Record<string, readonly number[]>>;
}

const count = (id: "traces" | "sessions" | "users" | "generations" | "spans" | "embeddings", header: string, description?: string): ErrorsTableColumn => ({
  id,
  header,
  width: 100,
  align: "end",
  sortDescFirst: true,
  description,
  cell: (row) => <CountText value={row[id]} />,
  sortValue: (row) => row[id],
});

/**
 * PostHog's errors-tab columns (the normalised message, traces, sessions, users, occurrences by kind,
 * days seen, first and last seen), with a sparkline of occurrences over the range when trends are given.
 */
export function errorsTableColumns(format: ExploreFormat = {}, trends?: ErrorTrendsLookup | null): ErrorsTableColumn[] {
  return [
    {
      id: "expand",
      header: "Traces with this error",
      headerHidden: true,
      width: 40,
      hideable: false,
      cell: (row, { expanded, toggleExpanded, active }) => (
        <button
          type="button"
          aria-expanded={expanded}
          aria-label={`${expanded ? "Hide" : "Show"} the traces with this error`}
          tabIndex={active ? 0 : -1}
          onClick={toggleExpanded}
          className="tl:inline-flex tl:h-5 tl:w-5 tl:cursor-pointer tl:items-center tl:justify-center tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-muted tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
        </button>
      ),
    },
    {
      id: "error",
      header: "Error",
      width: 360,
      hideable: false,
      description: "The message with ids, numbers and UUIDs replaced, so one failure is one row",
      cell: (row) => {
        const text = cutText(row.error, 400);
        const example = row.example ? cutText(row.example, 400) : null;
        return (
          <span className="tl:line-clamp-2 tl:whitespace-normal tl:break-words tl:font-code tl:text-[11px]" title={example ? `e.g. ${example}` : text}>
            {text}
          </span>
        );
      },
      sortValue: (row) => row.error,
    },
    {
      id: "trend",
      header: "Trend",
      width: 120,
      description: "Occurrences per bucket over the date range",
      cell: (row) => {
        const values = trends?.series[row.error];
        return values ? <Sparkline values={values} buckets={trends!.buckets} noun="occurrences" /> : <span className="tl:text-muted">–</span>;
      },
    },
    {
      id: "occurrences",
      header: "Occurrences",
      width: 110,
      align: "end",
      description: "Failed generations, spans and embeddings",
      cell: (row) => <CountText value={row.occurrences} />,
    },
    count("traces", "Traces"),
    count("sessions", "Sessions"),
    count("users", "Users"),
    count("generations", "Generations"),
    count("spans", "Spans"),
    count("embeddings", "Embeddings"),
    { id: "days_seen", header: "Days seen", width: 100, align: "end", sortDescFirst: true, cell: (row) => <CountText value={row.daysSeen} />, sortValue: (row) => row.daysSeen },
    { id: "first_seen", header: "First seen", width: 130, sortDescFirst: true, cell: (row) => <RelativeTime iso={row.firstSeen} format={format} />, sortValue: (row) => row.firstSeen },
    { id: "last_seen", header: "Last seen", width: 130, sortDescFirst: true, cell: (row) => <RelativeTime iso={row.lastSeen} format={format} />, sortValue: (row) => row.lastSeen },
  ];
}
