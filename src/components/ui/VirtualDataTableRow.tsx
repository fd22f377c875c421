import { Component, memo, type ReactNode } from "react";
import { cn } from "./cn";
import { DataTableCell, DataTableRow } from "./DataTableParts";
import type { DataTableCellContext, DataTableColumn } from "./dataTableFeatures";

interface CellBoundaryState {
  error: unknown;
}

/** A host's cell renderer that throws costs that one cell, not the table. */
class CellBoundary extends Component<{ children?: ReactNode }, CellBoundaryState> {
  override state: CellBoundaryState = { error: null };
  static getDerivedStateFromError(error: unknown): CellBoundaryState {
    return { error: error ?? new Error("Unknown error") };
  }
  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const message = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <span data-slot="data-table-cell-error" className="tl:text-danger" title={message}>
        ⚠<span className="tl:sr-only"> This cell could not be shown: {message}</span>
      </span>
    );
  }
}

/** Calls the renderer inside the boundary, so what it throws is caught there. */
function CellContent<TRow>({ column, original, context }: { column: DataTableColumn<TRow>; original: TRow; context: DataTableCellContext }) {
  return <>{column.cell(original, context)}</>;
}

export interface VisibleColumn<TRow> {
  id: string;
  column: DataTableColumn<TRow>;
}

interface VirtualDataTableRowProps<TRow> {
  original: TRow;
  rowId: string;
  rowIndex: number;
  itemIndex: number;
  ariaRowIndex: number;
  columns: ReadonlyArray<VisibleColumn<TRow>>;
  active: boolean;
  tabbable: boolean;
  expanded: boolean;
  clickable: boolean;
  /** Fixed row height in px: equal rows keep a 100,000-row scrollbar steady. */
  height: number;
  onToggleExpanded?: (rowId: string) => void;
  className?: string;
  /** Set for rows whose height may vary; fixed-height rows skip measuring (a layout read per row). */
  measureRef?: (node: HTMLTableRowElement | null) => void;
}

function VirtualDataTableRowInner<TRow>({
  original,
  rowId,
  rowIndex,
  itemIndex,
  ariaRowIndex,
  columns,
  active,
  tabbable,
  expanded,
  clickable,
  height,
  onToggleExpanded,
  className,
  measureRef,
}: VirtualDataTableRowProps<TRow>) {
  const context = { active, expanded, toggleExpanded: () => onToggleExpanded?.(rowId) };
  return (
    <DataTableRow
      ref={measureRef}
      data-index={itemIndex}
      data-row-index={rowIndex}
      data-row-id={rowId}
      data-active={active || undefined}
      data-expanded={expanded || undefined}
      aria-rowindex={ariaRowIndex}
      tabIndex={tabbable ? 0 : -1}
      style={{ height }}
      className={cn(clickable && "tl:cursor-pointer", active && "tl:bg-(color:--tl-selected-bg) tl:hover:bg-(color:--tl-selected-bg)", className)}
    >
      {columns.map(({ id, column }) => (
        <DataTableCell key={id} data-column-id={id} className={cn(column.align === "end" && "tl:text-right tl:tabular-nums")}>
          <CellBoundary>
            <CellContent column={column} original={original} context={context} />
          </CellBoundary>
        </DataTableCell>
      ))}
    </DataTableRow>
  );
}

/** Memoised: while scrolling, only rows entering the window render. */
export const VirtualDataTableRow = memo(VirtualDataTableRowInner) as typeof VirtualDataTableRowInner;
