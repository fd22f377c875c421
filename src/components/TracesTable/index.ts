export { TracesTable, type TracesTableProps } from "./TracesTable";
export { TracesTableView, type TracesTableViewProps } from "./TracesTableView";
export { tracesTableColumns, type TracesTableColumn, type TracesTableColumnId } from "./tracesTableColumns";
export { PREVIEW_MAX_CHARS, traceInputPreview, traceOutputPreview, type MessagePreview } from "../../core/tracePreviews";
export { traceClickDetails, type TraceClickDetails } from "../../core/traceRows";
export type { SentimentLabels } from "./tracesTableFilter";
export type { TableCellContextValue, CellSentimentRange } from "../cells/cellContext";
export type { DataTableSorting as TableSorting, SortValue } from "../ui/dataTableFeatures";
export { useTableState, type TableState, type TableStateProps } from "../ui/useTableState";
