/**
 * Rows as the virtual tables read them: by position, on demand. A table shows a few dozen of 100,000 rows,
 * so nothing here walks every row unless asked to: ids are read for rendered rows, and the id → position
 * index is built the first time someone needs it (keyboard focus, an open detail row).
 */
export interface TableRows<TRow> {
  readonly count: number;
  /** The row at `index` (0 ≤ index < count); the same object every time. */
  rowAt(index: number): TRow;
  /** The row's unique id. */
  idAt(index: number): string;
  /** The position of a row id, or -1. */
  indexOf(id: string): number;
}

/** A lazily built id → position index over `rows` (the first position, should ids ever repeat). */
export function lazyIndex(count: number, idAt: (index: number) => string): (id: string) => number {
  let index: Map<string, number> | null = null;
  return (id) => {
    if (index === null) {
      index = new Map();
      for (let i = count - 1; i >= 0; i--) index.set(idAt(i), i);
    }
    return index.get(id) ?? -1;
  };
}

const byArray = new WeakMap<readonly unknown[], WeakMap<object, TableRows<unknown>>>();

/** Rows over an array; remembered per array and id function, so the same data gives the same rows. */
export function arrayRows<TRow>(data: readonly TRow[], getRowId: (row: TRow, index: number) => string): TableRows<TRow> {
  let byFn = byArray.get(data);
  if (!byFn) {
    byFn = new WeakMap();
    byArray.set(data, byFn);
  }
  const known = byFn.get(getRowId) as TableRows<TRow> | undefined;
  if (known) return known;
  const idAt = (i: number) => getRowId(data[i] as TRow, i);
  const rows: TableRows<TRow> = { count: data.length, rowAt: (i) => data[i] as TRow, idAt, indexOf: lazyIndex(data.length, idAt) };
  byFn.set(getRowId, rows as TableRows<unknown>);
  return rows;
}

/** `base` in another order: `order[i]` is the base position of row i. */
export function orderedRows<TRow>(base: TableRows<TRow>, order: Int32Array): TableRows<TRow> {
  const idAt = (i: number) => base.idAt(order[i]!);
  return { count: order.length, rowAt: (i) => base.rowAt(order[i]!), idAt, indexOf: lazyIndex(order.length, idAt) };
}

const asArrays = new WeakMap<object, readonly unknown[]>();

/** Every row as an array, for work that must see all of them (filtering); the same array for the same rows. */
export function rowsToArray<TRow>(rows: TableRows<TRow>): readonly TRow[] {
  const known = asArrays.get(rows) as readonly TRow[] | undefined;
  if (known) return known;
  const out = new Array<TRow>(rows.count);
  for (let i = 0; i < rows.count; i++) out[i] = rows.rowAt(i);
  asArrays.set(rows, out);
  return out;
}
