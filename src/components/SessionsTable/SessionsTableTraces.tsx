"use client";
import type { SessionRow } from "../../core/sessionRows";
import type { TraceLensHookOptions } from "../../hooks/context";
import { useSessionTraces } from "../../hooks/useSessionTraces";
import { cutText } from "../../core/boundedText";
import type { ExploreFormat } from "../ui/exploreCells";
import { TraceLinkList, type TraceLinkClick } from "../ui/TraceLinkList";

/** What a click on one of a session's traces tells the host (the payload every trace click has). */
export type SessionTraceClick = TraceLinkClick;

export interface SessionsTableTracesProps extends TraceLensHookOptions {
  session: SessionRow;
  onTraceClick?: SessionTraceClick;
  format: ExploreFormat;
}

/** The detail row of a session: its traces through a TracesQuery, looked up near when it was active (100 at most; the rest are counted). */
export function SessionsTableTraces({ client, queryClient, session, onTraceClick, format }: SessionsTableTracesProps) {
  const query = useSessionTraces(session.sessionId, { limit: 100 }, { client, queryClient, timestamp: session.lastSeen });
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
