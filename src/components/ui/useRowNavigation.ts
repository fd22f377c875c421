import { useCallback, useRef, type Dispatch, type KeyboardEvent, type MouseEvent, type RefObject, type SetStateAction } from "react";
import type { RowData } from "@tanstack/react-table";
import type { Virtualizer } from "@tanstack/react-virtual";
import type { DataTableRow } from "./dataTableFeatures";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";
import { isInteractiveTarget, nextRowIndex, type VirtualTableLayout } from "./virtualTableLayout";

export interface UseRowNavigationOptions<TRow extends RowData> {
  rows: ReadonlyArray<DataTableRow<TRow>>;
  layout: VirtualTableLayout;
  virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement>;
  scrollRef: RefObject<HTMLDivElement | null>;
  indexById: ReadonlyMap<string, number>;
  activeId: string | null;
  setActiveId: Dispatch<SetStateAction<string | null>>;
  /** Rows that fit in the viewport, for Page Up / Page Down. */
  pageSize: number;
  onRowOpen?: (row: TRow) => void;
  /** Rows have detail rows: Right opens, Left closes. */
  expandable: boolean;
}

/**
 * Keyboard and pointer handling for a virtual table body, delegated from `<tbody>` so rows carry no
 * handlers of their own. Moving scrolls the target row into view, then focuses it once rendered.
 */
export function useRowNavigation<TRow extends RowData>({
  rows, layout, virtualizer, scrollRef, indexById, activeId, setActiveId, pageSize, onRowOpen, expandable,
}: UseRowNavigationOptions<TRow>) {
  const focusPending = useRef<string | null>(null);
  useIsomorphicLayoutEffect(() => {
    const id = focusPending.current;
    if (id === null) return;
    const index = indexById.get(id);
    const node = index === undefined ? null : scrollRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    if (node) {
      focusPending.current = null;
      node.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      focusPending.current = row.id;
      setActiveId(row.id);
      virtualizer.scrollToIndex(layout.itemIndexOfRow(index), { align: "auto" });
    },
    [rows, layout, virtualizer],
  );

  const rowFromEvent = (event: { target: EventTarget | null }) => {
    const tr = event.target instanceof Element ? event.target.closest<HTMLTableRowElement>("tr[data-row-index]") : null;
    const index = tr ? Number(tr.dataset.rowIndex) : -1;
    return { tr, index, row: rows[index] };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const { tr, index, row } = rowFromEvent(event);
    if (!tr || !row || event.target !== tr || event.altKey || event.metaKey) return;
    const next = nextRowIndex(event.key, index, rows.length, pageSize);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === "Enter" && onRowOpen) {
      event.preventDefault();
      onRowOpen(row.original);
    } else if (expandable && (event.key === "ArrowRight" || event.key === "ArrowLeft") && row.getCanExpand()) {
      event.preventDefault();
      row.toggleExpanded(event.key === "ArrowRight");
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
