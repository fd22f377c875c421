import { forwardRef, useMemo, type Ref } from "react";
import { generationEventsParams } from "../../hooks/eventsQueryOptions";
import { useEventPages } from "../../hooks/useEventPages";
import type { DataTableSorting } from "../ui/dataTableFeatures";
import type { TableCellContextValue } from "../ui/tableCellContext";
import type { TraceQueryConnection } from "../ui/useConnectedTable";
import { pagesFooter } from "../ui/useTraceQueryTable";
import { generationRows } from "./generationsTableModel";
import { GenerationsTableView, type GenerationsTableViewProps } from "./GenerationsTableView";

interface GenerationsTableQueryProps {
  view: Omit<GenerationsTableViewProps, "rows" | "status" | "error" | "onRetry" | "cellContext">;
  connection: TraceQueryConnection;
}

/** Columns the server can order by, as EventsQuery order expressions. */
const SERVER_ORDER: Record<string, string> = {
  time: "timestamp",
  id: "uuid",
  trace: "properties.$ai_trace_id",
  model: "properties.$ai_model",
  latency: "toFloat(properties.$ai_latency)",
  cost: "toFloat(properties.$ai_total_cost_usd)",
};

function orderBy(sorting: DataTableSorting | undefined): string[] {
  const first = sorting?.[0];
  const expr = first ? SERVER_ORDER[first.id] : undefined;
  return expr ? [`${expr} ${first!.desc ? "DESC" : "ASC"}`] : ["timestamp DESC"];
}

/**
 * The drop-in path: every `$ai_generation` in the query's window (at any depth: an EventsQuery, not the
 * direct children a TracesQuery lists), ordered and paged by the server, more pages as the user scrolls.
 */
export const GenerationsTableQuery = forwardRef(function GenerationsTableQuery({ view, connection }: GenerationsTableQueryProps, ref: Ref<HTMLDivElement>) {
  const { query, pageSize, client, queryClient, loadSentiment, locale, now } = connection;
  // A string, so a new sorting array with the same order does not restart the pages.
  const orderKey = orderBy(view.table.sorting).join("\n");
  const params = useMemo(() => generationEventsParams(query, orderKey.split("\n")), [query, orderKey]);
  const pages = useEventPages(client, queryClient, params, pageSize);
  const rows = useMemo(() => generationRows(pages.events, undefined), [pages.events]);
  const dateFrom = query.dateRange?.date_from ?? null;
  const dateTo = query.dateRange?.date_to ?? null;
  const sentiment = useMemo(() => (loadSentiment ? { client, queryClient, dateFrom, dateTo } : null), [loadSentiment, client, queryClient, dateFrom, dateTo]);
  const cellContext = useMemo<TableCellContextValue>(() => ({ locale, now, sentiment, level: "generation" }), [locale, now, sentiment]);
  return (
    <GenerationsTableView
      {...view}
      ref={ref}
      rows={rows}
      status={pages.loading ? "loading" : pages.error ? "error" : "ready"}
      error={pages.error}
      onRetry={pages.retry}
      onEndReached={pages.hasMore ? pages.loadMore : undefined}
      footer={pages.events.length > 0 ? pagesFooter(pages, "generations") : null}
      cellContext={cellContext}
    />
  );
});
GenerationsTableQuery.displayName = "GenerationsTableQuery";
