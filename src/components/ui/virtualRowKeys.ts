import { useRef } from "react";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";

/**
 * React keys for the rendered rows when a table reuses rows (see `DataTableColumn.recycle`): a row that
 * stays rendered keeps its key (so focus and its elements stay with it), and a row coming into view takes
 * the key of one that left. A jump to another part of the table then updates the rows already drawn,
 * instead of removing them all and building as many new ones: new elements cost their creation, their
 * style and, later, a scavenge; updated ones only what changed in them.
 */
export function recycledRowKeys(rowIds: readonly string[], previous: ReadonlyMap<string, string>, mint: () => string): Map<string, string> {
  const next = new Map<string, string>();
  const kept = new Set<string>();
  for (const id of rowIds) {
    const key = previous.get(id);
    if (key !== undefined) {
      next.set(id, key);
      kept.add(key);
    }
  }
  const free: string[] = [];
  for (const key of previous.values()) if (!kept.has(key)) free.push(key);
  let taken = 0;
  for (const id of rowIds) if (!next.has(id)) next.set(id, taken < free.length ? free[taken++]! : mint());
  return next;
}

/**
 * The key of each rendered row: its id when `recycle` is off, else a key from {@link recycledRowKeys}.
 * Worked out from the last committed rows, so a render React throws away changes nothing.
 */
export function useRowKeys(rowIds: readonly string[], recycle: boolean): (rowId: string) => string {
  const committed = useRef<ReadonlyMap<string, string>>(new Map());
  const minted = useRef(0);
  // While rows are reused every data row's key is a minted one; detail rows' keys end in "::detail".
  const keys = recycle ? recycledRowKeys(rowIds, committed.current, () => `row-${minted.current++}`) : null;
  useIsomorphicLayoutEffect(() => {
    committed.current = keys ?? new Map();
  });
  return (rowId) => keys?.get(rowId) ?? rowId;
}
