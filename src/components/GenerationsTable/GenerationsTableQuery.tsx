import { forwardRef, useMemo, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTraceEvent } from "../../core/eventsTrace";
import { generationRows } from "../../core/generationRows";
import { generationEventsParams } from "../../hooks/eventsQueryOptions";
import { useInfiniteEvents } from "../../hooks/useInfiniteEvents";
import { usePagedRows } from "../../hooks/usePagedRows";
import type { TableCellContextValue } from "../cells/cellContext";
import type { DataTableSorting } from "../ui/dataTableFeatures";
import { dataTablePagingProps } from "../ui/DataTablePaging";
import type { GenerationsTableViewProps } from "./GenerationsTableView";
import { GenerationsTableLabelled, type GenerationsTableLabelProps } from "./GenerationsTableLabelled";

interface GenerationsTableQueryProps {
  view: Omit<GenerationsTableViewProps, "rows" | "status" | "error" | "onRetry" | "cellContext"> & GenerationsTableLabelProps;
  query: Omit<TracesParams, "limit" | "offset">;
  pageSize: number;
  loadSentiment: boolean;
  locale?: string;
  now?: number;
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
export const GenerationsTableQuery = forwardRef(function GenerationsTableQuery(
  { view, query, pageSize, loadSentiment, locale, now }: GenerationsTableQueryProps,
  ref: Ref<HTMLDivElement>,
) {
  // A string, so a new sorting array with the same order does not restart the pages.
  const orderKey = orderBy(view.table.sorting).join("\n");
  const params = useMemo(() => generationEventsParams(query, orderKey.split("\n")), [query, orderKey]);
  const paging = usePagedRows<LLMTraceEvent>(useInfiniteEvents(params, { pageSize }));
  const rows = useMemo(() => generationRows(paging.rows, undefined), [paging.rows]);
  // Lazy sentiment is asked within the query's dates.
  const dateFrom = query.dateRange?.date_from ?? null;
  const dateTo = query.dateRange?.date_to ?? null;
  const sentimentRange = useMemo(() => (loadSentiment ? { dateFrom, dateTo } : null), [loadSentiment, dateFrom, dateTo]);
  const cellContext = useMemo<TableCellContextValue>(() => ({ locale, now, sentimentRange, level: "generation" }), [locale, now, sentimentRange]);
  return <GenerationsTableLabelled {...view} ref={ref} rows={rows} {...dataTablePagingProps(paging, "generations", paging.rows.length)} cellContext={cellContext} />;
});
GenerationsTableQuery.displayName = "GenerationsTableQuery";
