"use client";
import type { ExploreFilters } from "../../client/clientTypes";
import type { ErrorGroup } from "../../core/errorGroups";
import type { TraceLensHookOptions } from "../../hooks/context";
import { useErrorTraces } from "../../hooks/useErrorTraces";
import type { ExploreFormat } from "../ui/exploreCells";
import { TraceLinkList, type TraceLinkClick } from "../ui/TraceLinkList";

export interface ErrorsTableTracesProps extends TraceLensHookOptions {
  group: ErrorGroup;
  filters: ExploreFilters;
  onTraceClick?: TraceLinkClick;
  format: ExploreFormat;
}

/** The detail row of an error group: its newest failing traces (20; the rest are counted), under the same filters. */
export function ErrorsTableTraces({ client, queryClient, group, filters, onTraceClick, format }: ErrorsTableTracesProps) {
  const query = useErrorTraces(group.error, filters, { client, queryClient });
  return (
    <TraceLinkList
      label="Traces with this error"
      status={query.isPending ? "loading" : query.isError ? "error" : "ready"}
      traces={query.data?.results ?? []}
      error={query.error}
      onRetry={() => void query.refetch()}
      onTraceClick={onTraceClick}
      format={format}
      total={group.traces}
      emptyText="No traces with this error were found."
    />
  );
}
