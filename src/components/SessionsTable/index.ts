export { SessionsTable } from "./SessionsTable";
export type { SessionsTableProps } from "./SessionsTable";
export { SessionsTableView } from "./SessionsTableView";
export type { SessionsTableViewProps } from "./SessionsTableView";
export { sessionsTableColumns, sessionSentimentWinner } from "./sessionsTableColumns";
export type { SessionsTableColumn } from "./sessionsTableColumns";
export { SessionsTableTraces } from "./SessionsTableTraces";
export type { SessionsTableTracesProps } from "./SessionsTableTraces";
