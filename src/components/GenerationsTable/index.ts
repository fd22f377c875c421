export { GenerationsTable, type GenerationsTableProps } from "./GenerationsTable";
export { GenerationsTableView, type GenerationsTableViewProps } from "./GenerationsTableView";
export { generationsTableColumns, type GenerationsTableColumn } from "./generationsTableColumns";
export { generationClickDetails, generationRows, type GenerationClickDetails, type GenerationRow } from "../../core/generationRows";
export { generationsTableLabelColumns } from "./generationsTableLabelColumns";
