"use client";
import type { ExploreFilters } from "../../client/clientTypes";
import type { ErrorGroup } from "../../core/errorGroups";
import { useErrorTraces } from "../../hooks/useErrorTraces";
import type { ExploreFormat } from "../ui/exploreCells";
import type { TraceClickDetails } from "../../core/traceRows";
import { TraceLinkList } from "../ui/TraceLinkList";

export interface ErrorsTableTracesProps {
  group: ErrorGroup;
  filters: ExploreFilters;
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  format: ExploreFormat;
}

/** The detail row of an error group: its newest failing traces (20; the rest are counted), under the same filters. */
export function ErrorsTableTraces({ group, filters, onTraceClick, format }: ErrorsTableTracesProps) {
  const query = useErrorTraces(group.error, filters);
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
