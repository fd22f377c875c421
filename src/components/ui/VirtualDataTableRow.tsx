import { Component, memo, type ReactNode } from "react";
import { cn } from "./cn";
import { DATA_TABLE_CELL_CLASS, DATA_TABLE_ROW_CLASS } from "./DataTableParts";
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

const END_CELL_CLASS = `${DATA_TABLE_CELL_CLASS} tl:text-right tl:tabular-nums`;

/** A body cell's classes, precomputed strings rather than `cn()` per cell (a table draws thousands while scrolling). */
function cellClass(alignEnd: boolean, holdsOpenButton: boolean): string {
  const base = alignEnd ? END_CELL_CLASS : DATA_TABLE_CELL_CLASS;
  return holdsOpenButton ? `${base} tl:relative` : base;
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
  /** Opens the row from its Open action; the action is there only with `openLabel`. */
  onOpen?: (row: TRow) => void;
  /** The Open action's accessible name ("Open trace support_chat"). */
  openLabel?: string;
  className?: string;
  /** Set for rows whose height may vary; fixed-height rows skip measuring (a layout read per row). */
  measureRef?: (node: HTMLTableRowElement | null) => void;
}

interface RowRenderProps<TRow> extends VirtualDataTableRowProps<TRow> {
  /** Each cell in a boundary of its own (after one of the row's cells threw). */
  isolated: boolean;
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
  onOpen,
  openLabel,
  className,
  measureRef,
  isolated,
}: RowRenderProps<TRow>) {
  const last = columns.length - 1;
  const context = { active, expanded, toggleExpanded: () => onToggleExpanded?.(rowId) };
  return (
    // A plain <tr> with DataTableRow's classes: one component less in each of the rows a scroll jump replaces.
    <tr
      ref={measureRef}
      data-index={itemIndex}
      data-row-index={rowIndex}
      data-row-id={rowId}
      data-active={active || undefined}
      data-expanded={expanded || undefined}
      aria-rowindex={ariaRowIndex}
      tabIndex={tabbable ? 0 : -1}
      style={{ height }}
      data-slot="data-table-row"
      className={cn(DATA_TABLE_ROW_CLASS, clickable && "tl:cursor-pointer", active && "tl:bg-(color:--tl-selected-bg) tl:hover:bg-(color:--tl-selected-bg)", className)}
    >
      {columns.map(({ id, column }, index) => (
        <td
          key={id}
          data-column-id={id}
          data-slot="data-table-cell"
          className={cellClass(column.align === "end", index === last && Boolean(openLabel))}
        >
          {isolated ? (
            <CellBoundary>
              <CellContent column={column} original={original} context={context} />
            </CellBoundary>
          ) : (
            column.cell(original, context)
          )}
          {index === last && openLabel && onOpen && (
            // A click on it is an interactive target, so the row's own click handler does not open twice.
            <button
              type="button"
              data-slot="row-open"
              aria-label={openLabel}
              tabIndex={tabbable ? 0 : -1}
              onClick={() => onOpen(original)}
              className={cn(
                "tl-row-action tl-row-open tl:cursor-pointer tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-fg tl:shadow-sm tl:hover:bg-bg-subtle",
                "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
              )}
            >
              {/* The aria-label names it; the arrow is only seen. */}
              Open →
            </button>
          )}
        </td>
      ))}
    </tr>
  );
}

/**
 * A row draws its cells straight from the renderers: a component and a boundary per cell would double
 * what a 100,000-row table renders while scrolling. When anything in the row throws, the row draws
 * again with a boundary around each cell, so the error costs that one cell, not the row or the table.
 */
interface RowBoundaryState {
  isolated: boolean;
  rowId: string;
}

class RowBoundary<TRow> extends Component<VirtualDataTableRowProps<TRow>, RowBoundaryState> {
  override state: RowBoundaryState = { isolated: false, rowId: this.props.rowId };
  static getDerivedStateFromError(): Partial<RowBoundaryState> {
    return { isolated: true };
  }
  // A reused row (DataTableColumn.recycle) that now draws another row starts without the old row's failure.
  static getDerivedStateFromProps(props: Readonly<{ rowId?: string }>, state: RowBoundaryState): RowBoundaryState | null {
    return props.rowId === undefined || props.rowId === state.rowId ? null : { isolated: false, rowId: props.rowId };
  }
  override render(): ReactNode {
    return <VirtualDataTableRowInner {...this.props} isolated={this.state.isolated} />;
  }
}

/** Memoised: while scrolling, only rows entering the window render. */
export const VirtualDataTableRow = memo(RowBoundary) as unknown as <TRow>(props: VirtualDataTableRowProps<TRow> & { key?: string }) => ReactNode;
