import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ReactTable, RowData } from "@tanstack/react-table";
import type { TableRows } from "./tableRows";
import type { Setter } from "./useDataTable";
import { DataTable, DataTableBody, DataTableCell } from "./DataTableParts";
import { virtualTableColumnsAndHeader } from "./VirtualDataTableHead";
import type { DataTableCellContext, DataTableColumn, DataTableFeatures } from "./dataTableFeatures";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";
import { useVirtualRows, virtualRowSlots } from "./useVirtualRows";
import { VirtualDataTableRow, type VisibleColumn } from "./VirtualDataTableRow";
import { useRowKeys } from "./virtualRowKeys";
import { buildVirtualTableLayout } from "./virtualTableLayout";
import { useRowNavigation } from "./useRowNavigation";
import { DEFAULT_COMPACT_BELOW, useCompactWidth } from "./useCompactWidth";
import { COMPACT_TOGGLE_ID, COMPACT_TOGGLE_WIDTH, CompactRowDetail, CompactRowToggle } from "./VirtualDataTableCompact";
import { CopyAnnouncer } from "./CopyAnnouncer";

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
  /** The accessible name of each row's Open action ("Open trace …"); without it rows have no Open action. */
  rowOpenLabel?: (row: TRow) => string;
  /** Content of the detail row under an expanded row. */
  renderDetail?: (row: TRow) => ReactNode;
  /**
   * Below this width (px) of the table's own box, only the columns marked `compact` stay and the other
   * visible ones move into each row's detail. @default 640 when any column is marked `compact`
   */
  compactBelow?: number;
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
const positionKey = (index: number) => index;
const NONE_OPEN: Record<string, boolean> = {};
const NO_IDS: readonly string[] = [];
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
  rowOpenLabel,
  renderDetail: ownDetail,
  compactBelow,
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
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const hasCompactColumns = visibleColumns.some(({ column }) => column.compact);
  const compact = useCompactWidth(scrollRef, hasCompactColumns ? (compactBelow ?? DEFAULT_COMPACT_BELOW) : undefined);
  // Rows can hold a detail only when the host keeps expansion state; without it the compact layout keeps every column.
  const canExpand = Boolean(onExpandedChange);
  const moved = useMemo(() => (compact && canExpand ? visibleColumns.filter(({ column }) => !column.compact) : []), [compact, canExpand, visibleColumns]);
  const rowColumns = useMemo<VisibleColumn<TRow>[]>(() => {
    if (moved.length === 0) return visibleColumns;
    const kept = visibleColumns.filter(({ column }) => column.compact);
    // A table with its own detail has its own toggle; the others get one for the moved columns.
    if (ownDetail) return kept;
    const count = moved.length;
    const toggle: DataTableColumn<TRow> = {
      id: COMPACT_TOGGLE_ID,
      header: "More",
      headerHidden: true,
      width: COMPACT_TOGGLE_WIDTH,
      // The toggle keeps no state: whether the row is open lives in the table's expansion state.
      recycle: true,
      cell: (_row, context) => <CompactRowToggle context={context} label={`${count} more ${count === 1 ? "column" : "columns"}`} />,
    };
    return [{ id: COMPACT_TOGGLE_ID, column: toggle }, ...kept];
  }, [moved, visibleColumns, ownDetail]);
  const keptIds = useMemo(() => new Set(rowColumns.map(({ id }) => id)), [rowColumns]);
  const renderDetail = useMemo(() => {
    if (moved.length === 0) return ownDetail;
    return (row: TRow, context: DataTableCellContext) => <CompactRowDetail row={row} moved={moved} context={context} detail={ownDetail?.(row)} />;
  }, [moved, ownDetail]);
  const expandable = Boolean(renderDetail && onExpandedChange);
  const openIds = expandable && expanded ? expanded : NONE_OPEN;
  const anyExpanded = Boolean(renderDetail) && Object.values(openIds).some(Boolean);
  const isExpandedAt = useCallback((r: number) => Boolean(openIds[rows.idAt(r)]), [openIds, rows]);
  const layout = useMemo(() => buildVirtualTableLayout(rows.count, isExpandedAt, anyExpanded), [rows, isExpandedAt, anyExpanded]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = activeId === null ? -1 : rows.indexOf(activeId);
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
  const detailAwareKey = useCallback((i: number) => (layout.isDetailAt(i) ? `${rows.idAt(layout.rowIndexAt(i))}::detail` : i), [rows, layout]);
  const virtualizer = useVirtualRows({
    count: layout.count,
    scrollRef,
    estimateSize: useCallback((i: number) => (layout.isDetailAt(i) ? rowHeight * 4 : rowHeight), [layout, rowHeight]),
    // Positions key the data rows: they all have the same height and are never measured, and a key per
    // row would read all 100,000 ids on the first render. Detail rows are measured, so they carry their row's
    // id. Without open details the keys are the positions whatever the rows, so a new order (a finished
    // sort) keeps the same function and the virtualizer does not lay out every row again.
    getItemKey: anyExpanded ? detailAwareKey : positionKey,
    pinnedIndex: activeIndex >= 0 ? layout.itemIndexOfRow(activeIndex) : -1,
    headerHeight,
    fallbackHeight,
  });
  const { slots, gapAfter } = virtualRowSlots(virtualizer, headerHeight);
  // Kept on while details open: switching keys would redraw every row and drop the focus on a toggle.
  const recycle = rowColumns.every(({ column }) => column.recycle);
  const rowKey = useRowKeys(
    recycle ? slots.flatMap((s) => (!layout.isDetailAt(s.index) && rowInRange(layout.rowIndexAt(s.index), rows.count) ? [rows.idAt(layout.rowIndexAt(s.index))] : [])) : NO_IDS,
    recycle,
  );
  const pageSize = Math.max(1, Math.floor(((virtualizer.scrollRect?.height ?? fallbackHeight) - headerHeight) / rowHeight) - 1);

  // Rows are memoised: they get one stable opener, which calls the host's latest callback.
  const openRef = useRef(onRowOpen);
  openRef.current = onRowOpen;
  const openRow = useCallback((row: TRow) => openRef.current?.(row), []);

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
  const colSpan = Math.max(1, rowColumns.length);
  const tableWidth = rowColumns.reduce((sum, c) => sum + (c.column.width ?? 140), 0);
  // Compact: the kept columns share the container's width in proportion to their widths, so nothing scrolls sideways.
  const flexibleWidth = rowColumns.reduce((sum, c) => sum + (c.id === COMPACT_TOGGLE_ID ? 0 : (c.column.width ?? 140)), 0);
  const colWidth = (id: string, width = 140) => (moved.length === 0 || id === COMPACT_TOGGLE_ID ? width : `${(width / Math.max(1, flexibleWidth)) * 100}%`);
  const sortingActive = Array.isArray(state.sorting) && state.sorting.length > 0;
  const showRows = placeholder === undefined || placeholder === null;
  const headerGroups = table.getHeaderGroups();
  const [implicitId, implicitDesc] = [implicitSort?.id, implicitSort?.desc];
  // The same element while nothing it shows changed, so React skips the column headers in every scroll
  // frame (they were a tenth of a jump frame's rendering, and much of its garbage). Their sort state is
  // read from the columns, so the sorting is a dependency too; implicitSort counts by value.
  const columnsAndHeader = useMemo(
    () => virtualTableColumnsAndHeader({ rowColumns, colWidth, headerRef, headerGroups, keptIds, showRows, sortingActive, implicitSort }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- colWidth follows `moved` and `flexibleWidth`
    [rowColumns, moved, flexibleWidth, headerGroups, keptIds, showRows, sortingActive, state.sorting, implicitId, implicitDesc],
  );

  return (
    // One live region says "Copied" for every copy button in the rows.
    <CopyAnnouncer>
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
          data-layout={moved.length > 0 ? "compact" : undefined}
          style={moved.length > 0 ? { width: "100%" } : { width: tableWidth, minWidth: "100%" }}
        >
          {columnsAndHeader}
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
                const key = detail ? `${rowId}::detail` : rowKey(rowId);
                const gap = slotItem.gapBefore > 0.5 ? [<Gap key={`gap-${key}`} height={slotItem.gapBefore} colSpan={colSpan} />] : [];
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
                        {renderDetail?.(original, { active: rowIndex === activeIndex, expanded: true, toggleExpanded: () => toggleExpanded(rowId) })}
                      </DataTableCell>
                    </tr>,
                  ];
                }
                return [
                  ...gap,
                  <VirtualDataTableRow
                    key={key}
                    original={original}
                    rowId={rowId}
                    rowIndex={rowIndex}
                    itemIndex={slotItem.index}
                    ariaRowIndex={slotItem.index + 2}
                    columns={rowColumns}
                    active={rowIndex === activeIndex}
                    tabbable={rowIndex === tabbableIndex}
                    expanded={renderDetail ? Boolean(openIds[rowId]) : false}
                    clickable={Boolean(onRowOpen)}
                    height={rowHeight}
                    onToggleExpanded={renderDetail ? toggleExpanded : undefined}
                    onOpen={onRowOpen ? openRow : undefined}
                    openLabel={onRowOpen ? rowOpenLabel?.(original) : undefined}
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
    </CopyAnnouncer>
  );
}

const rowInRange = (rowIndex: number, count: number) => rowIndex >= 0 && rowIndex < count;

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
