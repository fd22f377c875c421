import { useCallback, useRef, type Dispatch, type KeyboardEvent, type MouseEvent, type RefObject, type SetStateAction } from "react";
import type { RowData } from "@tanstack/react-table";
import type { Virtualizer } from "@tanstack/react-virtual";
import type { TableRows } from "./tableRows";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";
import { isInteractiveTarget, nextRowIndex, type VirtualTableLayout } from "./virtualTableLayout";

export interface UseRowNavigationOptions<TRow extends RowData> {
  rows: TableRows<TRow>;
  layout: VirtualTableLayout;
  virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement>;
  scrollRef: RefObject<HTMLDivElement | null>;
  activeId: string | null;
  setActiveId: Dispatch<SetStateAction<string | null>>;
  /** Rows that fit in the viewport, for Page Up / Page Down. */
  pageSize: number;
  onRowOpen?: (row: TRow) => void;
  /** Set when rows have detail rows: Right opens, Left closes. */
  toggleExpanded?: (rowId: string, open: boolean) => void;
}

/**
 * Keyboard and pointer handling for a virtual table body, delegated from `<tbody>` so rows carry no
 * handlers of their own. Moving scrolls the target row into view, then focuses it once rendered.
 */
export function useRowNavigation<TRow extends RowData>({
  rows, layout, virtualizer, scrollRef, activeId, setActiveId, pageSize, onRowOpen, toggleExpanded,
}: UseRowNavigationOptions<TRow>) {
  const focusPending = useRef<string | null>(null);
  useIsomorphicLayoutEffect(() => {
    const id = focusPending.current;
    if (id === null) return;
    const index = rows.indexOf(id);
    const node = index < 0 ? null : scrollRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    if (node) {
      focusPending.current = null;
      node.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      if (index < 0 || index >= rows.count) return;
      const id = rows.idAt(index);
      focusPending.current = id;
      setActiveId(id);
      virtualizer.scrollToIndex(layout.itemIndexOfRow(index), { align: "auto" });
    },
    [rows, layout, virtualizer],
  );

  const rowFromEvent = (event: { target: EventTarget | null }) => {
    const tr = event.target instanceof Element ? event.target.closest<HTMLTableRowElement>("tr[data-row-index]") : null;
    const index = tr ? Number(tr.dataset.rowIndex) : -1;
    const row = index >= 0 && index < rows.count ? { id: rows.idAt(index), original: rows.rowAt(index) } : undefined;
    return { tr, index, row };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const { tr, index, row } = rowFromEvent(event);
    if (!tr || !row || event.target !== tr || event.altKey || event.metaKey) return;
    const next = nextRowIndex(event.key, index, rows.count, pageSize);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === "Enter" && onRowOpen) {
      event.preventDefault();
      onRowOpen(row.original);
    } else if (toggleExpanded && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      event.preventDefault();
      toggleExpanded(row.id, event.key === "ArrowRight");
    }
  };

  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const { tr, row } = rowFromEvent(event);
    if (!tr || !row) return;
    setActiveId(row.id);
    if (onRowOpen && !isInteractiveTarget(event.target, tr)) onRowOpen(row.original);
  };

  const onFocus = (event: { target: EventTarget | null }) => {
    const { row } = rowFromEvent(event);
    if (row && row.id !== activeId) setActiveId(row.id);
  };

  return { onKeyDown, onClick, onFocus };
}
