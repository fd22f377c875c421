import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ReactTable, RowData } from "@tanstack/react-table";
import { DataTableColumnHeader } from "./DataTableColumnHeader";
import type { TableRows } from "./tableRows";
import type { Setter } from "./useDataTable";
import { DataTable, DataTableBody, DataTableCell, DataTableHeader, DataTableRow } from "./DataTableParts";
import type { DataTableColumn, DataTableFeatures } from "./dataTableFeatures";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";
import { useVirtualRows, virtualRowSlots } from "./useVirtualRows";
import { VirtualDataTableRow, type VisibleColumn } from "./VirtualDataTableRow";
import { buildVirtualTableLayout } from "./virtualTableLayout";
import { useRowNavigation } from "./useRowNavigation";

export interface VirtualDataTableProps<TRow extends RowData> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  table: ReactTable<DataTableFeatures, TRow, any>;
  /** The rows in display order, read by position. */
  rows: TableRows<TRow>;
  /** Row id → detail row open (tables with `renderDetail`). */
  expanded?: Record<string, boolean>;
  onExpandedChange?: Setter<Record<string, boolean>>;
  /** Every column by id, for cell rendering. */
  columns: ReadonlyMap<string, DataTableColumn<TRow>>;
  /** Accessible name of the table. */
  label: string;
  /** Prefix for `data-slot` names, e.g. "traces-table". */
  slot: string;
  /** Height of the scrolling viewport. */
  height: number | string;
  /** Row height in px; cells should keep their content within it (line clamps, truncation). */
  rowHeight: number;
  /** The order rows arrive in when nothing is sorted (a server's "newest first"), announced through `aria-sort`. */
  implicitSort?: { id: string; desc: boolean } | null;
  /** Enter or a click on a row. */
  onRowOpen?: (row: TRow) => void;
  /** Content of the detail row under an expanded row. */
  renderDetail?: (row: TRow) => ReactNode;
  /** Called when the last rows come into view (infinite loading). */
  onEndReached?: () => void;
  /** Rendered in place of rows (loading skeleton, empty or error state). */
  placeholder?: ReactNode;
  /** Shown under the last row, inside the scrolling viewport (e.g. "Loading more…"). */
  footer?: ReactNode;
  busy?: boolean;
  rowClassName?: (row: TRow) => string | undefined;
}

const FALLBACK_VIEWPORT = 480;
const NONE_OPEN: Record<string, boolean> = {};
let lastHeaderHeight = 39;

/** Opens, closes or flips one detail row; a closed row leaves the state (as TanStack's expansion did). */
export function toggledExpansion(previous: Record<string, boolean>, rowId: string, open?: boolean): Record<string, boolean> {
  const isOpen = Boolean(previous[rowId]);
  const next = open ?? !isOpen;
  if (next === isOpen) return previous;
  if (next) return { ...previous, [rowId]: true };
  const { [rowId]: _closed, ...rest } = previous;
  return rest;
}

/**
 * A TanStack Table model drawn as a native table with virtual rows, a sticky header, and keyboard row
 * navigation (arrows, Home/End, Page Up/Down; Enter opens; Right/Left open and close detail rows). Only the
 * focused row is in the tab order; its inner controls become tabbable with it.
 */
export function VirtualDataTable<TRow extends RowData>({
  table,
  rows,
  expanded,
  onExpandedChange,
  columns,
  label,
  slot,
  height,
  rowHeight,
  implicitSort,
  onRowOpen,
  renderDetail,
  onEndReached,
  placeholder,
  footer,
  busy,
  rowClassName,
}: VirtualDataTableProps<TRow>) {
  const state = table.state as { sorting?: unknown[] };
  const leafIds = table
    .getVisibleLeafColumns()
    .map((c) => c.id)
    .join("\u0000");
  // Keyed on the ids, not the array, so memoised rows keep their props while nothing about the columns changed.
  const visibleColumns = useMemo<VisibleColumn<TRow>[]>(
    () => (leafIds ? leafIds.split("\u0000") : []).flatMap((id) => (columns.get(id) ? [{ id, column: columns.get(id)! }] : [])),
    [leafIds, columns],
  );
  const expandable = Boolean(renderDetail && onExpandedChange);
  const openIds = expandable && expanded ? expanded : NONE_OPEN;
  const anyExpanded = Boolean(renderDetail) && Object.values(openIds).some(Boolean);
  const isExpandedAt = useCallback((r: number) => Boolean(openIds[rows.idAt(r)]), [openIds, rows]);
  const layout = useMemo(() => buildVirtualTableLayout(rows.count, isExpandedAt, anyExpanded), [rows, isExpandedAt, anyExpanded]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = activeId === null ? -1 : rows.indexOf(activeId);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const headerRef = useRef<HTMLTableSectionElement | null>(null);
  // Starts from the last header measured on the page (39 px in the default theme): a wrong guess costs a
  // second render and, at 100,000 rows, a second pass over every row's position.
  const [headerHeight, setHeaderHeight] = useState(() => lastHeaderHeight);
  // Measured on mount and on resize only: reading layout on every render would force a synchronous
  // layout of the table in each scroll frame.
  useIsomorphicLayoutEffect(() => {
    const head = headerRef.current;
    if (!head) return;
    const update = () => {
      const measured = head.getBoundingClientRect().height;
      if (measured > 0) {
        lastHeaderHeight = measured;
        setHeaderHeight((current) => (Math.abs(measured - current) > 0.5 ? measured : current));
      }
    };
    update();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(update);
    observer.observe(head);
    return () => observer.disconnect();
  }, [showRowsKey(placeholder)]);
  const fallbackHeight = typeof height === "number" ? height : FALLBACK_VIEWPORT;
  const virtualizer = useVirtualRows({
    count: layout.count,
    scrollRef,
    estimateSize: useCallback((i: number) => (layout.isDetailAt(i) ? rowHeight * 4 : rowHeight), [layout, rowHeight]),
    // Positions key the data rows: they all have the same height and are never measured, and a key per
    // row would read all 100,000 ids on the first render. Detail rows are measured, so they carry their row's id.
    getItemKey: useCallback((i: number) => (layout.isDetailAt(i) ? `${rows.idAt(layout.rowIndexAt(i))}::detail` : i), [rows, layout]),
    pinnedIndex: activeIndex >= 0 ? layout.itemIndexOfRow(activeIndex) : -1,
    headerHeight,
    fallbackHeight,
  });
  const { slots, gapAfter } = virtualRowSlots(virtualizer, headerHeight);
  const pageSize = Math.max(1, Math.floor(((virtualizer.scrollRect?.height ?? fallbackHeight) - headerHeight) / rowHeight) - 1);

  const toggleExpanded = useCallback(
    (rowId: string, open?: boolean) => onExpandedChange?.((previous) => toggledExpansion(previous, rowId, open)),
    [onExpandedChange],
  );
  const { onKeyDown, onClick, onFocus } = useRowNavigation({
    rows, layout, virtualizer, scrollRef, activeId, setActiveId, pageSize, onRowOpen, toggleExpanded: expandable ? toggleExpanded : undefined,
  });

  const lastRendered = slots[slots.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onEndReached && layout.count > 0 && lastRendered >= layout.count - 5) onEndReached();
  }, [onEndReached, lastRendered, layout.count]);

  const tabbableIndex = activeIndex >= 0 && slots.some((s) => layout.rowIndexAt(s.index) === activeIndex) ? activeIndex : layout.rowIndexAt(slots[0]?.index ?? 0);
  const colSpan = Math.max(1, visibleColumns.length);
  const tableWidth = visibleColumns.reduce((sum, c) => sum + (c.column.width ?? 140), 0);
  const sortingActive = Array.isArray(state.sorting) && state.sorting.length > 0;
  const showRows = placeholder === undefined || placeholder === null;

  return (
    <div
      ref={scrollRef}
      data-slot={`${slot}-viewport`}
      className="tl:relative tl:overflow-auto tl:rounded-tl tl:border tl:border-border tl:bg-bg"
      style={{ height }}
    >
      <DataTable
        aria-label={label}
        aria-rowcount={showRows ? layout.count + 1 : undefined}
        aria-busy={busy || undefined}
        data-slot={slot}
        style={{ width: tableWidth, minWidth: "100%" }}
      >
        <colgroup>
          {visibleColumns.map(({ id, column }) => (
            <col key={id} style={{ width: column.width ?? 140 }} />
          ))}
        </colgroup>
        <DataTableHeader ref={headerRef}>
          {table.getHeaderGroups().map((group) => (
            <DataTableRow key={group.id} aria-rowindex={showRows ? 1 : undefined} className="tl:hover:bg-transparent">
              {group.headers.map((header) => (
                <DataTableColumnHeader key={header.id} header={header} sortingActive={sortingActive} implicitSort={implicitSort} />
              ))}
            </DataTableRow>
          ))}
        </DataTableHeader>
        <DataTableBody onKeyDown={onKeyDown} onClick={onClick} onFocus={onFocus}>
          {!showRows && (
            <tr data-slot={`${slot}-placeholder`}>
              <td colSpan={colSpan} className="tl:p-0">
                {placeholder}
              </td>
            </tr>
          )}
          {showRows &&
            // One flat list of keyed rows: nested arrays would key rows by their slot position, remounting
            // every row (and dropping focus) whenever the window moves.
            slots.flatMap((slotItem) => {
              const rowIndex = layout.rowIndexAt(slotItem.index);
              if (rowIndex < 0 || rowIndex >= rows.count) return [];
              const original = rows.rowAt(rowIndex);
              const rowId = rows.idAt(rowIndex);
              const detail = layout.isDetailAt(slotItem.index);
              const gap = slotItem.gapBefore > 0.5 ? [<Gap key={`gap-${rowId}${detail ? "::detail" : ""}`} height={slotItem.gapBefore} colSpan={colSpan} />] : [];
              if (detail) {
                return [
                  ...gap,
                  <tr
                    key={`${rowId}::detail`}
                    ref={virtualizer.measureElement}
                    data-index={slotItem.index}
                    data-slot={`${slot}-detail`}
                    aria-rowindex={slotItem.index + 2}
                  >
                    <DataTableCell colSpan={colSpan} className="tl:bg-bg-subtle tl:p-2">
                      {renderDetail?.(original)}
                    </DataTableCell>
                  </tr>,
                ];
              }
              return [
                ...gap,
                <VirtualDataTableRow
                  key={rowId}
                  original={original}
                  rowId={rowId}
                  rowIndex={rowIndex}
                  itemIndex={slotItem.index}
                  ariaRowIndex={slotItem.index + 2}
                  columns={visibleColumns}
                  active={rowIndex === activeIndex}
                  tabbable={rowIndex === tabbableIndex}
                  expanded={renderDetail ? Boolean(openIds[rowId]) : false}
                  clickable={Boolean(onRowOpen)}
                  height={rowHeight}
                  onToggleExpanded={renderDetail ? toggleExpanded : undefined}
                  className={rowClassName?.(original)}
                />,
              ];
            })}
          {showRows && gapAfter > 0.5 && <Gap height={gapAfter} colSpan={colSpan} />}
        </DataTableBody>
      </DataTable>
      {footer && (
        <div data-slot={`${slot}-footer`} className="tl:sticky tl:left-0 tl:px-2 tl:py-2 tl:text-center tl:text-xs tl:text-muted">
          {footer}
        </div>
      )}
    </div>
  );
}

/** The header re-renders when the body switches between rows and a placeholder. */
function showRowsKey(placeholder: ReactNode): boolean {
  return placeholder === undefined || placeholder === null;
}

/** Stands in for rows that are not rendered; hidden from assistive technology. */
function Gap({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden="true" data-slot="data-table-gap">
      <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
