import { formatCost, formatLatency } from "../../core/format";
import type { SentimentLabel } from "../../core/sentiment/types";
import type { SessionRow, SessionSentiment } from "../../core/sessionRows";
import { SentimentBar } from "../SentimentBar";
import type { DataTableColumn } from "../ui/dataTableFeatures";
import { CountText, ErrorCountTag, FigureText, RelativeTime, type ExploreFormat } from "../ui/exploreCells";
import { TruncatedId } from "../ui/TruncatedId";

/** A SessionsTable column: a header and a cell over the session's row. Ids of sortable ones are PostHog's sort columns. */
export type SessionsTableColumn = DataTableColumn<SessionRow>;

/** The label with the highest average share, and that share. */
export function sessionSentimentWinner(sentiment: SessionSentiment | null | undefined): { label: SentimentLabel; score: number } | null {
  if (!sentiment || !(sentiment.count > 0)) return null;
  const ranked = (["negative", "neutral", "positive"] as const).map((label) => ({ label, score: Number(sentiment[label]) })).filter((s) => Number.isFinite(s.score));
  ranked.sort((a, b) => b.score - a.score);
  return ranked[0] ?? null;
}

function costNote(row: SessionRow): string | null {
  const coverage = row.costCoverage;
  if (!coverage || coverage.usageEvents === 0 || coverage.costReported >= coverage.usageEvents) return null;
  return `${coverage.costReported} of ${coverage.usageEvents} generations and embeddings reported a cost`;
}

const count = (id: "traces" | "spans" | "generations" | "embeddings", header: string, pick: (row: SessionRow) => number): SessionsTableColumn => ({
  id,
  header,
  width: 110,
  align: "end",
  sortDescFirst: true,
  cell: (row) => <CountText value={pick(row)} />,
  sortValue: pick,
});

/**
 * PostHog's sessions-tab columns: session id, average sentiment, traces, spans, generations, embeddings,
 * errors, cost, latency, first and last seen. Cost a source did not fully report reads "≥" with a note,
 * and unknown stays "–", never 0.
 */
export function sessionsTableColumns(format: ExploreFormat = {}): SessionsTableColumn[] {
  return [
    {
      id: "expand",
      header: "Traces of the session",
      headerHidden: true,
      width: 40,
      hideable: false,
      cell: (row, { expanded, toggleExpanded, active }) => (
        <button
          type="button"
          aria-expanded={expanded}
          aria-label={`${expanded ? "Hide" : "Show"} the traces of session ${row.sessionId}`}
          tabIndex={active ? 0 : -1}
          onClick={toggleExpanded}
          className="tl:inline-flex tl:h-5 tl:w-5 tl:cursor-pointer tl:items-center tl:justify-center tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-muted tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
        </button>
      ),
    },
    {
      id: "session_id",
      header: "Session ID",
      width: 170,
      hideable: false,
      cell: (row, { active }) => <TruncatedId id={row.sessionId} kind="session ID" tabbable={active} />,
      sortValue: (row) => row.sessionId,
    },
    {
      id: "sentiment",
      header: "Sentiment",
      width: 120,
      description: "Average sentiment of the session's traces",
      cell: (row) => {
        const winner = sessionSentimentWinner(row.sentiment);
        return winner ? <SentimentBar label={winner.label} score={winner.score} /> : <span className="tl:text-muted">–</span>;
      },
    },
    count("traces", "Traces", (row) => row.traces),
    count("spans", "Spans", (row) => row.spans),
    count("generations", "Generations", (row) => row.generations),
    count("embeddings", "Embeddings", (row) => row.embeddings),
    { id: "errors", header: "Errors", width: 90, align: "end", sortDescFirst: true, cell: (row) => <ErrorCountTag count={row.errors} />, sortValue: (row) => row.errors },
    {
      id: "total_cost",
      header: "Total cost",
      width: 120,
      align: "end",
      sortDescFirst: true,
      cell: (row) => {
        const note = costNote(row);
        const text = row.totalCost === null ? "—" : formatCost(row.totalCost, { locale: format.locale });
        return <FigureText text={note && text !== "—" ? `≥ ${text}` : text} note={note} />;
      },
      sortValue: (row) => row.totalCost,
    },
    {
      id: "total_latency",
      header: "Total latency",
      width: 130,
      align: "end",
      sortDescFirst: true,
      cell: (row) => <FigureText text={formatLatency(row.totalLatency, { locale: format.locale })} />,
      sortValue: (row) => row.totalLatency,
    },
    { id: "first_seen", header: "First seen", width: 130, sortDescFirst: true, cell: (row) => <RelativeTime iso={row.firstSeen} format={format} />, sortValue: (row) => row.firstSeen },
    { id: "last_seen", header: "Last seen", width: 130, sortDescFirst: true, cell: (row) => <RelativeTime iso={row.lastSeen} format={format} />, sortValue: (row) => row.lastSeen },
  ];
}
