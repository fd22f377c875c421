export { TracesTable, type TracesTableProps } from "./TracesTable";
export { tracesTableColumns, type TracesTableColumn, type TracesTableColumnId } from "./tracesTableColumns";
export { PREVIEW_MAX_CHARS, traceInputPreview, traceOutputPreview, type MessagePreview } from "../../core/tracePreviews";
export type { DataTableSorting as TableSorting, SortValue } from "../ui/dataTableFeatures";
export type { TableStateProps } from "../ui/useTableState";
