/**
 * Maps virtual item indexes to table rows when some rows have an open detail row under them. Without open
 * details the mapping is the identity and nothing is allocated, which is what keeps 100,000 rows cheap.
 */
export interface VirtualTableLayout {
  /** Items to virtualize: rows plus open detail rows. */
  count: number;
  /** The data row an item belongs to. */
  rowIndexAt(itemIndex: number): number;
  /** Whether the item is the detail row under its data row. */
  isDetailAt(itemIndex: number): boolean;
  /** The item index of a data row. */
  itemIndexOfRow(rowIndex: number): number;
}

export function buildVirtualTableLayout(rowCount: number, isExpanded: (rowIndex: number) => boolean, anyExpanded: boolean): VirtualTableLayout {
  if (!anyExpanded) {
    return {
      count: rowCount,
      rowIndexAt: (i) => i,
      isDetailAt: () => false,
      itemIndexOfRow: (r) => r,
    };
  }
  const itemRow: number[] = [];
  const itemDetail: boolean[] = [];
  const rowItem = new Array<number>(rowCount);
  for (let r = 0; r < rowCount; r++) {
    rowItem[r] = itemRow.length;
    itemRow.push(r);
    itemDetail.push(false);
    if (isExpanded(r)) {
      itemRow.push(r);
      itemDetail.push(true);
    }
  }
  return {
    count: itemRow.length,
    rowIndexAt: (i) => itemRow[i] ?? -1,
    isDetailAt: (i) => itemDetail[i] ?? false,
    itemIndexOfRow: (r) => rowItem[r] ?? -1,
  };
}

/** Keys that move the focused row, and where they move it. */
export function nextRowIndex(key: string, current: number, rowCount: number, pageSize: number): number | null {
  if (rowCount === 0) return null;
  const last = rowCount - 1;
  switch (key) {
    case "ArrowDown":
      return Math.min(last, current + 1);
    case "ArrowUp":
      return Math.max(0, current - 1);
    case "Home":
      return 0;
    case "End":
      return last;
    case "PageDown":
      return Math.min(last, current + Math.max(1, pageSize));
    case "PageUp":
      return Math.max(0, current - Math.max(1, pageSize));
    default:
      return null;
  }
}

/** Whether a click landed on something with its own action (so the row must not open). */
export function isInteractiveTarget(target: EventTarget | null, row: Element): boolean {
  let node = target instanceof Element ? target : null;
  while (node && node !== row) {
    if (node.matches("a[href],button,input,select,textarea,summary,[role=button],[role=link],[role=checkbox],[tabindex]")) return true;
    node = node.parentElement;
  }
  return false;
}
