import { forwardRef, useMemo, type Ref } from "react";
import type { TableCellContextValue } from "../ui/tableCellContext";
import type { TraceQueryConnection } from "../ui/useConnectedTable";
import { useTraceQueryTable } from "../ui/useTraceQueryTable";
import { generationRows } from "./generationsTableModel";
import { GenerationsTableView, type GenerationsTableViewProps } from "./GenerationsTableView";

interface GenerationsTableQueryProps {
  view: Omit<GenerationsTableViewProps, "rows" | "status" | "error" | "onRetry" | "cellContext">;
  connection: TraceQueryConnection;
}

/**
 * The drop-in path: pages of traces from the client, their generations as rows, more pages as the user
 * scrolls. TracesQuery lists a trace's direct children only, so generations nested under spans appear
 * when the host passes full traces instead.
 */
export const GenerationsTableQuery = forwardRef(function GenerationsTableQuery({ view, connection }: GenerationsTableQueryProps, ref: Ref<HTMLDivElement>) {
  const { traces, sentiment, paging } = useTraceQueryTable(connection, connection.query, "generations");
  const rows = useMemo(() => generationRows(undefined, traces), [traces]);
  const { locale, now } = connection;
  const cellContext = useMemo<TableCellContextValue>(() => ({ locale, now, sentiment, level: "generation" }), [locale, now, sentiment]);
  return <GenerationsTableView {...view} ref={ref} rows={rows} {...paging} cellContext={cellContext} />;
});
GenerationsTableQuery.displayName = "GenerationsTableQuery";
