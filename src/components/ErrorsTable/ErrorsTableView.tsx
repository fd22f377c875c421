"use client";
import { forwardRef, type ReactNode, type Ref } from "react";
import type { ErrorGroup } from "../../core/errorGroups";
import { ServerSortedTable, type ServerSortedTableViewProps } from "../ui/ServerSortedTable";

export interface ErrorsTableViewProps extends ServerSortedTableViewProps<ErrorGroup> {
  /** The detail row of an expanded error: its traces. */
  renderTraces?: (group: ErrorGroup) => ReactNode;
  /** Enter on a focused row, or a click on it. */
  onErrorClick?: (error: string, details: { group: ErrorGroup }) => void;
}

const getRowId = (row: ErrorGroup) => row.error;
const NOUN: [string, string] = ["errors", "error"];

/** The pure half of ErrorsTable: error groups in (already sorted by the source), table out. It never fetches. */
export const ErrorsTableView = forwardRef(function ErrorsTableView({ renderTraces, onErrorClick, ...view }: ErrorsTableViewProps, ref: Ref<HTMLDivElement>) {
  return (
    <ServerSortedTable
      {...view}
      rootRef={ref}
      slot="errors-table"
      noun={NOUN}
      getRowId={getRowId}
      rowHeight={48}
      renderDetail={renderTraces}
      onRowOpen={onErrorClick ? (row: ErrorGroup) => onErrorClick(row.error, { group: row }) : undefined}
    />
  );
});
ErrorsTableView.displayName = "ErrorsTableView";
