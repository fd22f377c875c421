export { GenerationsTable, type GenerationsTableProps } from "./GenerationsTable";
export { generationsTableColumns, type GenerationsTableColumn } from "./generationsTableColumns";
export { generationRows, type GenerationRow } from "../../core/generationRows";
