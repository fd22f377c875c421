"use client";
import type { SessionRow } from "../../core/sessionRows";
import { useSessionTraces } from "../../hooks/useSessionTraces";
import { cutText } from "../../core/boundedText";
import type { ExploreFormat } from "../ui/exploreCells";
import type { TraceClickDetails } from "../../core/traceRows";
import { TraceLinkList } from "../ui/TraceLinkList";

export interface SessionsTableTracesProps {
  session: SessionRow;
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  format: ExploreFormat;
}

/** The detail row of a session: its traces through a TracesQuery, looked up near when it was active (100 at most; the rest are counted). */
export function SessionsTableTraces({ session, onTraceClick, format }: SessionsTableTracesProps) {
  const query = useSessionTraces(session.sessionId, { limit: 100 }, { timestamp: session.lastSeen });
  return (
    <TraceLinkList
      label={`Traces of session ${cutText(session.sessionId, 80)}`}
      status={query.isPending ? "loading" : query.isError ? "error" : "ready"}
      traces={query.data?.results ?? []}
      error={query.error}
      onRetry={() => void query.refetch()}
      onTraceClick={onTraceClick}
      format={format}
      total={session.traces}
      emptyText="No traces of this session were found."
    />
  );
}
