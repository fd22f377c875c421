"use client";
import { forwardRef, type Ref } from "react";
import type { GenerationRow } from "../../core/generationRows";
import { formatCount } from "../../core/intlFormatters";
import { TableCellContext, type TableCellContextValue } from "../cells/cellContext";
import { DataTableFrame, TableEmptyState, type DataTableViewProps } from "../ui/DataTableFrame";
import { DataTableToolbar } from "../ui/DataTableToolbar";
import type { Setter } from "../ui/useDataTable";
import { useStatefulTable } from "../ui/useStatefulTable";
import type { GenerationsTableColumn } from "./generationsTableColumns";
import { GenerationsTableDetails } from "./GenerationsTableDetails";

export interface GenerationsTableViewProps extends DataTableViewProps {
  rows: readonly GenerationRow[];
  columns: readonly GenerationsTableColumn[];
  expanded: Record<string, boolean>;
  onExpandedChange: Setter<Record<string, boolean>>;
  /** Enter or a click on a row. */
  onRowOpen?: (row: GenerationRow) => void;
  /** Formatting and sentiment loading for the cells. */
  cellContext?: TableCellContextValue;
}

const getRowId = (row: GenerationRow) => row.rowId;
const renderDetail = (row: GenerationRow) => <GenerationsTableDetails row={row} />;

/** Cells of host rows: no search marks, only the sentiment rows carry. */
const CELLS: TableCellContextValue = { sentimentRange: null, level: "generation" };

/** The pure half of GenerationsTable: rows in, table out. It never fetches. */
export const GenerationsTableView = forwardRef(function GenerationsTableView(
  {
    rows, columns, table: state, expanded, onExpandedChange, onRowOpen, onEndReached, footer, height, label, toolbar, toolbarActions,
    emptyTitle, emptyDescription, cellContext = CELLS, ...frame
  }: GenerationsTableViewProps,
  ref: Ref<HTMLDivElement>,
) {
  const { table, rows: ordered, sorting, byId, menuColumns } = useStatefulTable({ data: rows, columns, getRowId, state });
  const count = rows.length;
  return (
    <TableCellContext.Provider value={cellContext}>
      <DataTableFrame
        {...frame}
        rootRef={ref}
        slot="generations-table"
        noun="generations"
        empty={count === 0}
        placeholder={count === 0 ? <TableEmptyState slot="generations-table" title={emptyTitle} description={emptyDescription} /> : null}
        toolbar={
          toolbar && (
            <DataTableToolbar
              slot="generations-table"
              actions={toolbarActions}
              columns={menuColumns}
              table={state}
              status={
                <span role="status" className="tl:text-xs tl:text-muted tl:tabular-nums">
                  {frame.status === "ready" ? `${sorting ? "Sorting " : ""}${formatCount(count)} ${count === 1 ? "generation" : "generations"}${sorting ? "…" : ""}` : ""}
                </span>
              }
            />
          )
        }
        grid={{
          table, rows: ordered, expanded, onExpandedChange, columns: byId, label, height, rowHeight: 44, onRowOpen, renderDetail, onEndReached, footer,
          busy: frame.status === "loading" || sorting,
        }}
      />
    </TableCellContext.Provider>
  );
});
GenerationsTableView.displayName = "GenerationsTableView";
