import type { ReactNode } from "react";
import { TableColumnMenu, type TableColumnMenuItem } from "./TableColumnMenu";
import type { TableState } from "./useTableState";

export interface DataTableToolbarProps {
  /** `data-slot` prefix, e.g. "traces-table". */
  slot: string;
  /** The table's own controls, first (search, filters). */
  children?: ReactNode;
  /** The host's controls, after the table's. */
  actions?: ReactNode;
  /** Counts and progress, at the end before the column menu. */
  status?: ReactNode;
  columns: readonly TableColumnMenuItem[];
  table: TableState;
}

/** The row above a table: its controls, the host's, then the status and the column menu pushed to the end. */
export function DataTableToolbar({ slot, children, actions, status, columns, table }: DataTableToolbarProps) {
  return (
    <div data-slot={`${slot}-toolbar`} className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
      {children}
      {actions}
      <span className="tl:ml-auto tl:flex tl:items-center tl:gap-2">
        {status}
        <TableColumnMenu
          columns={columns}
          visibility={table.visibility}
          onVisibilityChange={table.setVisibility}
          onOrderChange={table.setOrder}
          onReset={table.reset}
        />
      </span>
    </div>
  );
}
