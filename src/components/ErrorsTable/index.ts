export { ErrorsTable } from "./ErrorsTable";
export type { ErrorsTableProps } from "./ErrorsTable";
export { ErrorsTableView } from "./ErrorsTableView";
export type { ErrorsTableViewProps } from "./ErrorsTableView";
export { errorsTableColumns } from "./errorsTableColumns";
export type { ErrorsTableColumn, ErrorTrendsLookup } from "./errorsTableColumns";
export { ErrorsTableTraces } from "./ErrorsTableTraces";
export type { ErrorsTableTracesProps } from "./ErrorsTableTraces";
