import {
  columnOrderingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";
import type { ReactNode } from "react";

/** What tracelens' tables keep per column besides TanStack's own definition. */
export interface DataTableColumnMeta {
  /** Header text, also used by the column menu and as the accessible name. */
  label: string;
  /** Column width in px (the table uses a fixed layout so virtual rows never shift columns). */
  width: number;
  /** Numbers read best right-aligned. */
  align: "start" | "end";
  /** Shown in the header's tooltip. */
  description?: string;
  /** Whether the column menu may hide it. */
  hideable: boolean;
  /** The header text is for assistive technology only (icon-like columns). */
  headerHidden: boolean;
}

/**
 * The TanStack Table v9 features both tables register, and nothing more: sorting state and the header's
 * sort toggles, column visibility and order. TanStack holds no rows: a row model builds an object per row,
 * which at 100,000 rows costs more than everything else a first paint does. Rows are read by position
 * (`TableRows`), sorted by `useRowOrder` with TanStack's rules, filtered before they reach the table
 * (search and sentiment need data TanStack cannot see), and expanded through the table's own state.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData, unknown>;

/** A sort key: numbers and strings; `null`/`undefined` sort last in either direction. */
export type SortValue = number | string | null | undefined;

const collator = typeof Intl !== "undefined" ? new Intl.Collator(undefined, { numeric: true, sensitivity: "base" }) : null;

/**
 * Ascending comparison of two sort keys (TanStack reverses it for descending). A total order, so every
 * sort algorithm agrees: numbers (by value; equal infinities tie) before text (through the collator).
 * Comparing a number with text as text would be circular: 2e-308 < 1e44 by value, "1e+44" < "2" < "2e-308" as text.
 */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aNumber = typeof a === "number";
  const bNumber = typeof b === "number";
  if (aNumber && bNumber) return a < b ? -1 : a > b ? 1 : 0;
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  const left = a === null || a === undefined ? "" : String(a);
  const right = b === null || b === undefined ? "" : String(b);
  return collator ? collator.compare(left, right) : left < right ? -1 : left > right ? 1 : 0;
}

/** Sorting state: the column id and its direction, most important first. */
export type DataTableSorting = Array<{ id: string; desc: boolean }>;

/** A host-facing column: plain functions over one row, so hosts never touch TanStack's types. */
export interface DataTableColumn<TRow> {
  /** Stable id, used by sorting, visibility, order and persistence. */
  id: string;
  /** Header text. */
  header: string;
  /** Renders the cell. `active` is true for the row that holds keyboard focus (make inner controls tabbable only then). */
  cell: (row: TRow, context: DataTableCellContext) => ReactNode;
  /** A key to sort by; the column is sortable only when given. */
  sortValue?: (row: TRow) => SortValue;
  /** First click sorts descending (numbers, times). @default false */
  sortDescFirst?: boolean;
  /** Text the search box matches against. */
  searchText?: (row: TRow) => string;
  /** Width in px. @default 140 */
  width?: number;
  /** @default "start" */
  align?: "start" | "end";
  /** Header tooltip, e.g. "Number of errors in this trace". */
  description?: string;
  /** Whether the column menu may hide it. @default true */
  hideable?: boolean;
  /** Keeps the header text for screen readers only. @default false */
  headerHidden?: boolean;
  /**
   * Kept in the compact layout (a container narrower than the table's `compactBelow`); the other visible
   * columns move into the row's detail. @default false
   */
  compact?: boolean;
  /**
   * The cell keeps no state of its own that belongs to its row, so the table may draw another row into
   * its elements (a jump down a long table then updates rows instead of replacing them all). A table
   * reuses rows only when every visible column says so. @default false
   */
  recycle?: boolean;
}

/** What a cell renderer learns about its row besides the data. */
export interface DataTableCellContext {
  /** The row holds keyboard focus: its inner controls should be tabbable. */
  active: boolean;
  /** The row's detail row is open (tables with detail rows). */
  expanded: boolean;
  /** Opens or closes the row's detail row; a no-op in tables without them. */
  toggleExpanded: () => void;
}
