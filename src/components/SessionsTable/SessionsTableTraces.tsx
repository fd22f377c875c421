"use client";
import type { LLMTrace } from "../../core/eventsTrace";
import { formatLatency } from "../../core/format";
import type { SessionRow } from "../../core/sessionRows";
import type { TraceLensHookOptions } from "../../hooks/context";
import { useSessionTraces } from "../../hooks/sessionTracesQueryOptions";
import { cutText } from "../ui/boundedText";
import { ErrorState } from "../ui/ErrorState";
import { RelativeTime, type ExploreFormat } from "../ui/exploreCells";
import { Skeleton } from "../ui/Skeleton";

/** What a click on one of a session's traces tells the host (the payload every trace click has). */
export type SessionTraceClick = (traceId: string, details: { timestamp: string | null; trace: LLMTrace }) => void;

export interface SessionsTableTracesViewProps {
  session: SessionRow;
  status: "loading" | "error" | "ready";
  traces: readonly LLMTrace[];
  error?: unknown;
  onRetry?: () => void;
  onTraceClick?: SessionTraceClick;
  format: ExploreFormat;
}

const TRACE_BUTTON =
  "tl:flex tl:w-full tl:cursor-pointer tl:items-center tl:gap-3 tl:rounded-sm tl:border-0 tl:bg-transparent tl:px-1.5 tl:py-1 tl:text-left tl:text-xs tl:text-fg tl:hover:bg-bg tl:focus-visible:outline-2 tl:focus-visible:outline-focus";

/** A session's traces under its row, oldest first; the row's trace count says when not all could be listed. */
export function SessionsTableTracesView({ session, status, traces, error, onRetry, onTraceClick, format }: SessionsTableTracesViewProps) {
  if (status === "loading") return <Skeleton lines={2} label={`Loading the traces of session ${session.sessionId}`} />;
  if (status === "error") return <ErrorState title="The session's traces could not be loaded" error={error} onRetry={onRetry} />;
  const ordered = [...traces].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const missing = Math.max(0, session.traces - ordered.length);
  return (
    <div data-slot="sessions-table-traces" className="tl:flex tl:flex-col tl:gap-0.5">
      {ordered.length === 0 && <span className="tl:text-muted">No traces of this session were found.</span>}
      <ul aria-label={`Traces of session ${session.sessionId}`} className="tl:m-0 tl:flex tl:max-h-64 tl:list-none tl:flex-col tl:overflow-auto tl:p-0">
        {ordered.map((trace) => {
          const name = cutText(typeof trace.traceName === "string" && trace.traceName.trim() ? trace.traceName.trim() : trace.id, 120);
          return (
            <li key={trace.id}>
              <button type="button" className={TRACE_BUTTON} disabled={!onTraceClick} onClick={() => onTraceClick?.(trace.id, { timestamp: trace.createdAt ?? null, trace })}>
                <span className="tl:min-w-0 tl:flex-1 tl:truncate tl:font-semibold">{name}</span>
                {Number(trace.errorCount) > 0 && <span className="tl:text-danger">{`${trace.errorCount} ${Number(trace.errorCount) === 1 ? "error" : "errors"}`}</span>}
                <span className="tl:tabular-nums tl:text-muted">{formatLatency(trace.totalLatency, { locale: format.locale })}</span>
                <RelativeTime iso={trace.createdAt} format={format} />
              </button>
            </li>
          );
        })}
      </ul>
      {missing > 0 && ordered.length > 0 && <span className="tl:text-muted">{`${missing} more ${missing === 1 ? "trace" : "traces"} in this session are not listed here; open the session to see them all.`}</span>}
    </div>
  );
}

export interface SessionsTableTracesProps extends Omit<SessionsTableTracesViewProps, "status" | "traces" | "error" | "onRetry">, TraceLensHookOptions {}

/** The connected detail row: the session's traces through a TracesQuery, looked up near when it was active. */
export function SessionsTableTraces({ client, queryClient, session, ...view }: SessionsTableTracesProps) {
  const query = useSessionTraces(session.sessionId, { limit: 100 }, { client, queryClient, timestamp: session.lastSeen });
  return (
    <SessionsTableTracesView
      {...view}
      session={session}
      status={query.isPending ? "loading" : query.isError ? "error" : "ready"}
      traces={query.data?.results ?? []}
      error={query.error}
      onRetry={() => void query.refetch()}
    />
  );
}
