import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { TableColumnMenu } from "../ui/TableColumnMenu";
import { useDataTable, type Setter } from "../ui/useDataTable";
import type { TableState } from "../ui/useTableState";
import { VirtualDataTable } from "../ui/VirtualDataTable";
import { TableCellContext, type TableCellContextValue } from "../TracesTable/tracesTableContext";
import type { GenerationsTableColumn } from "./generationsTableColumns";
import { GenerationsTableDetails } from "./GenerationsTableDetails";
import type { GenerationRow } from "./generationsTableModel";

export interface GenerationsTableViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  rows: readonly GenerationRow[];
  columns: readonly GenerationsTableColumn[];
  table: TableState;
  expanded: Record<string, boolean>;
  onExpandedChange: Setter<Record<string, boolean>>;
  status: "loading" | "error" | "ready";
  error?: unknown;
  onRetry?: () => void;
  onRowOpen?: (row: GenerationRow) => void;
  onEndReached?: () => void;
  footer?: ReactNode;
  cellContext: TableCellContextValue;
  height: number | string;
  label: string;
  toolbar: boolean;
  toolbarActions?: ReactNode;
  emptyTitle: ReactNode;
  emptyDescription: ReactNode;
}

const getRowId = (row: GenerationRow) => row.rowId;
const renderDetail = (row: GenerationRow) => <GenerationsTableDetails row={row} />;

/** The pure half of GenerationsTable: rows in, table out. It never fetches. */
export const GenerationsTableView = forwardRef(function GenerationsTableView(
  {
    rows, columns, table: state, expanded, onExpandedChange, status, error, onRetry, onRowOpen, onEndReached, footer, cellContext,
    height, label, toolbar, toolbarActions, emptyTitle, emptyDescription, className, ...rest
  }: GenerationsTableViewProps,
  ref: Ref<HTMLDivElement>,
) {
  const table = useDataTable({
    data: rows,
    columns,
    getRowId,
    sorting: state.sorting,
    onSortingChange: state.setSorting,
    columnVisibility: state.visibility,
    onColumnVisibilityChange: state.setVisibility,
    columnOrder: state.order,
    onColumnOrderChange: state.setOrder,
    expanded,
    onExpandedChange,
  });
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const menuColumns = useMemo(
    () => state.order.flatMap((id) => (byId.get(id) ? [{ id, label: byId.get(id)!.header, hideable: byId.get(id)!.hideable !== false }] : [])),
    [state.order, byId],
  );
  let placeholder: ReactNode = null;
  if (status === "loading") placeholder = <Skeleton lines={8} label="Loading generations" className="tl:p-3" />;
  else if (status === "error") placeholder = <ErrorState title="The generations could not be loaded" error={error} onRetry={onRetry} className="tl:m-3" />;
  else if (rows.length === 0) {
    placeholder = (
      <div data-slot="generations-table-empty" className="tl:flex tl:flex-col tl:items-center tl:gap-1 tl:px-4 tl:py-10 tl:text-center">
        <strong className="tl:text-sm">{emptyTitle}</strong>
        <span className="tl:text-muted">{emptyDescription}</span>
      </div>
    );
  }
  return (
    <div
      {...rest}
      ref={ref}
      data-slot="generations-table-root"
      data-state={status === "ready" && rows.length === 0 ? "empty" : status}
      className={cn("tl-root tl:flex tl:flex-col tl:gap-2 tl:font-body tl:text-fg", className)}
    >
      {toolbar && (
        <div data-slot="generations-table-toolbar" className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
          {toolbarActions}
          <span className="tl:ml-auto tl:flex tl:items-center tl:gap-2">
            <span role="status" className="tl:text-xs tl:text-muted tl:tabular-nums">
              {status === "ready" ? `${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "generation" : "generations"}` : ""}
            </span>
            <TableColumnMenu
              columns={menuColumns}
              visibility={state.visibility}
              onVisibilityChange={state.setVisibility}
              onOrderChange={state.setOrder}
              onReset={state.reset}
            />
          </span>
        </div>
      )}
      <TableCellContext.Provider value={cellContext}>
        <VirtualDataTable
          table={table}
          columns={byId}
          label={label}
          slot="generations-table"
          height={height}
          rowHeight={44}
          onRowOpen={onRowOpen}
          renderDetail={renderDetail}
          onEndReached={onEndReached}
          placeholder={placeholder ?? undefined}
          footer={footer}
          busy={status === "loading"}
        />
      </TableCellContext.Provider>
    </div>
  );
});
GenerationsTableView.displayName = "GenerationsTableView";
