import { useMemo, type ReactNode } from "react";
import type { DataTableViewProps } from "./DataTableFrame";
import type { DataTableSorting } from "./dataTableFeatures";
import { useTableState, type TableStateProps } from "./useTableState";

/** Props every data table drop-in takes besides its rows, columns and data source. */
export interface DataTableShellProps extends TableStateProps {
  /** Host data is still loading (shows the skeleton). @default false */
  loading?: boolean;
  /** Host data failed; shown with a retry button when `onRetry` is given. */
  error?: unknown;
  onRetry?: () => void;
  /** Height of the scrolling rows area. @default 560 */
  height?: number | string;
  /** Accessible name of the table. */
  label?: string;
  /** Shows the toolbar (count and column menu, plus each table's own controls). @default true */
  toolbar?: boolean;
  /** Extra controls in the toolbar. */
  toolbarActions?: ReactNode;
  /** BCP 47 locale for numbers and times. */
  locale?: string;
  /** The instant relative times count from. @default the current time */
  now?: Date | number;
  emptyTitle?: ReactNode;
  /** @default "Try changing the date range or filters." */
  emptyDescription?: ReactNode;
}

/** Props the table's view takes as they are, whichever way the rows come. */
export type DataTableShellFrame = Pick<DataTableViewProps, "table" | "height" | "label" | "toolbar" | "toolbarActions" | "emptyTitle" | "emptyDescription">;

export interface DataTableShell<Rest> {
  /** The host's own div props (class, style, data-*), with every table prop taken out. */
  rest: Rest;
  frame: DataTableShellFrame;
  host: { loading: boolean; error: unknown; onRetry?: () => void };
  locale?: string;
  now?: number;
}

export interface DataTableShellDefaults {
  label: string;
  emptyTitle: ReactNode;
  defaultSorting?: DataTableSorting;
}

/** The table half both data tables share: state a host may own (or not), defaults, and the host's own state props. */
export function useDataTableShell<P extends DataTableShellProps>(
  props: P,
  columns: ReadonlyArray<{ id: string }>,
  defaults: DataTableShellDefaults,
): DataTableShell<Omit<P, keyof DataTableShellProps>> {
  const {
    loading = false, error, onRetry, height = 560, label = defaults.label, toolbar = true, toolbarActions, locale, now,
    emptyTitle = defaults.emptyTitle, emptyDescription = "Try changing the date range or filters.",
    sorting, defaultSorting = defaults.defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange,
    columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey, ...rest
  } = props;
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const table = useTableState(
    { sorting, defaultSorting, onSortingChange, columnVisibility, defaultColumnVisibility, onColumnVisibilityChange, columnOrder, defaultColumnOrder, onColumnOrderChange, persistKey },
    columnIds,
  );
  return {
    rest: rest as Omit<P, keyof DataTableShellProps>,
    frame: { table, height, label, toolbar, toolbarActions, emptyTitle, emptyDescription },
    host: { loading: Boolean(loading), error, onRetry },
    locale,
    now: now instanceof Date ? now.getTime() : now,
  };
}
