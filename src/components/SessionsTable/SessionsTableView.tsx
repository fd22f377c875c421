"use client";
import { forwardRef, type ReactNode, type Ref } from "react";
import type { SessionRow } from "../../core/sessionRows";
import { ServerSortedTable, type ServerSortedTableViewProps } from "../ui/ServerSortedTable";

export interface SessionsTableViewProps extends ServerSortedTableViewProps<SessionRow> {
  /** The detail row of an expanded session: its traces. */
  renderTraces?: (session: SessionRow) => ReactNode;
  /** Enter on a focused row, or a click on it. */
  onSessionClick?: (sessionId: string, details: { session: SessionRow }) => void;
}

const getRowId = (row: SessionRow) => row.sessionId;
const NOUN: [string, string] = ["sessions", "session"];

/** The pure half of SessionsTable: rows in (already sorted by the source), table out. It never fetches. */
export const SessionsTableView = forwardRef(function SessionsTableView({ renderTraces, onSessionClick, ...view }: SessionsTableViewProps, ref: Ref<HTMLDivElement>) {
  return (
    <ServerSortedTable
      {...view}
      rootRef={ref}
      slot="sessions-table"
      noun={NOUN}
      getRowId={getRowId}
      rowHeight={44}
      renderDetail={renderTraces}
      onRowOpen={onSessionClick ? (row: SessionRow) => onSessionClick(row.sessionId, { session: row }) : undefined}
    />
  );
});
SessionsTableView.displayName = "SessionsTableView";
