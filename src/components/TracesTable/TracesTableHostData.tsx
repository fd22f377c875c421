import { forwardRef, useEffect, useMemo, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { TableCellContextValue } from "../cells/cellContext";
import { idsNeedingSentiment } from "./tracesTableFilter";
import { traceTableRows } from "./tracesTableRows";
import { afterNextPaintInBackground, inBackground } from "../ui/useSlicedJob";
import { isPageScrolling } from "../ui/scrollPause";
import { TracesTableSentimentLabels } from "./TracesTableSentimentLabels";
import { LabelFilterLookups } from "../LabelChips";
import { traceLabelsFromProperties } from "../../core/messageLabels";
import { isLabelFilterActive } from "../../core/labelBreakdown";
import { TracesTableView, type TracesTableViewProps } from "./TracesTableView";

/** What both data paths pass through to the view unchanged. */
export type TracesTableSharedViewProps = Omit<
  TracesTableViewProps,
  "traces" | "serverSearch" | "sentimentLabels" | "sentimentPending" | "status" | "cellContext" | "error" | "onRetry" | "loadedLabels"
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
const traceId = (trace: LLMTrace) => trace.id;
const NO_ROWS: readonly LLMTrace[] = [];
const DURING_SCROLL = { duringScroll: true };

/** The host-data path: the host's rows, filtered and sorted in the browser; sentiment lazily when a client exists. */
export const TracesTableHostData = forwardRef(function TracesTableHostData(
  { view, traces, loadSentiment, loading, error, onRetry, locale, now }: HostDataProps,
  ref: Ref<HTMLDivElement>,
) {
  const rows = traceTableRows(traces);
  // Rows are normalized as they are shown; the rest is done in 8 ms slices, one after another, once the
  // first rows are painted (at background priority, after the page's own tasks), so a jump to the end of
  // 100,000 rows soon after mounting does not do it all in one frame. Unlike other background work it goes
  // on while the page scrolls, since a jump far ahead would otherwise normalize every row up to it in the
  // scroll frame, but in 2 ms slices, short enough to leave the frame its time.
  useEffect(() => {
    let cancel = () => undefined as void;
    const step = () => {
      if (!rows.advance(performance.now() + (isPageScrolling() ? 2 : 8))) cancel = inBackground(step, DURING_SCROLL);
    };
    cancel = afterNextPaintInBackground(step, DURING_SCROLL);
    return () => cancel();
  }, [rows]);
  const sentimentRange = loadSentiment ? ALL_TIME : null;
  const cellContext = useMemo<TableCellContextValue>(
    () => ({ locale, now, highlight: view.search.trim() || undefined, sentimentRange, level: "trace" }),
    [locale, now, view.search, sentimentRange],
  );
  const filtering = view.sentimentFilter.length > 0;
  const ids = useMemo(() => (filtering && sentimentRange ? idsNeedingSentiment(rows.all()) : []), [filtering, sentimentRange, rows]);
  return (
    // Row times matter only for the ids looked up, which exist only while filtering (all rows normalized then).
    <TracesTableSentimentLabels rows={ids.length > 0 ? rows.all() : NO_ROWS} ids={ids} range={sentimentRange}>
      {(labels, pending) => (
        <LabelFilterLookups rows={isLabelFilterActive(view.labelFilter) ? rows.all() : NO_ROWS} idOf={traceId} stored={traceLabelsFromProperties} filter={view.labelFilter} level="trace">
          {(loadedLabels) => (
        <TracesTableView
          loadedLabels={loadedLabels}
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
        </LabelFilterLookups>
      )}
    </TracesTableSentimentLabels>
  );
});
TracesTableHostData.displayName = "TracesTableHostData";
