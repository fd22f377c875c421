import { forwardRef, useMemo, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { normalizeTraces } from "../../core/traceRows";
import type { TableCellContextValue } from "../cells/cellContext";
import { idsNeedingSentiment } from "./tracesTableFilter";
import { TracesTableSentimentLabels } from "./TracesTableSentimentLabels";
import { TracesTableView, type TracesTableViewProps } from "./TracesTableView";

/** What both data paths pass through to the view unchanged. */
export type TracesTableSharedViewProps = Omit<
  TracesTableViewProps,
  "traces" | "serverSearch" | "sentimentLabels" | "sentimentPending" | "status" | "cellContext" | "error" | "onRetry"
>;

interface HostDataProps {
  view: TracesTableSharedViewProps;
  traces: readonly LLMTrace[];
  /** Rows without inline sentiment load theirs (a client is reachable and the host did not turn it off). */
  loadSentiment: boolean;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  locale?: string;
  now?: number;
}

const ALL_TIME = {};

/** The host-data path: the host's rows, filtered and sorted in the browser; sentiment lazily when a client exists. */
export const TracesTableHostData = forwardRef(function TracesTableHostData(
  { view, traces, loadSentiment, loading, error, onRetry, locale, now }: HostDataProps,
  ref: Ref<HTMLDivElement>,
) {
  const rows = useMemo(() => normalizeTraces(traces), [traces]);
  const sentimentRange = loadSentiment ? ALL_TIME : null;
  const cellContext = useMemo<TableCellContextValue>(
    () => ({ locale, now, highlight: view.search.trim() || undefined, sentimentRange, level: "trace" }),
    [locale, now, view.search, sentimentRange],
  );
  const filtering = view.sentimentFilter.length > 0;
  const ids = useMemo(() => (filtering && sentimentRange ? idsNeedingSentiment(rows) : []), [filtering, sentimentRange, rows]);
  return (
    <TracesTableSentimentLabels rows={rows} ids={ids} range={sentimentRange}>
      {(labels, pending) => (
        <TracesTableView
          {...view}
          ref={ref}
          traces={rows}
          serverSearch={false}
          sentimentLabels={labels}
          sentimentPending={pending}
          status={loading ? "loading" : error ? "error" : "ready"}
          error={error}
          onRetry={onRetry}
          cellContext={cellContext}
        />
      )}
    </TracesTableSentimentLabels>
  );
});
TracesTableHostData.displayName = "TracesTableHostData";
