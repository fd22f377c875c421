import type { ComponentPropsWithoutRef, ReactNode, Ref } from "react";
import type { RowData } from "@tanstack/react-table";
import { cn } from "./cn";
import { ErrorState } from "./ErrorState";
import { Skeleton } from "./Skeleton";
import type { TableState } from "./useTableState";
import { VirtualDataTable, type VirtualDataTableProps } from "./VirtualDataTable";

export type TableStatus = "loading" | "error" | "ready";

/** What every table view takes besides its rows, columns and own controls. */
export interface DataTableViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  table: TableState;
  status: TableStatus;
  error?: unknown;
  onRetry?: () => void;
  onEndReached?: () => void;
  footer?: ReactNode;
  height: number | string;
  label: string;
  toolbar: boolean;
  toolbarActions?: ReactNode;
  emptyTitle: ReactNode;
  emptyDescription: ReactNode;
}

export interface DataTableFrameProps<TRow extends RowData> extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  rootRef?: Ref<HTMLDivElement>;
  /** `data-slot` prefix, e.g. "traces-table". */
  slot: string;
  /** Names the rows in the loading and error states ("traces"). */
  noun: string;
  status: TableStatus;
  error?: unknown;
  onRetry?: () => void;
  /** Nothing to show once ready: the root's state reads "empty". */
  empty: boolean;
  /** Stands in for the rows once ready (empty or still-filtering states); loading and error have their own. */
  placeholder?: ReactNode;
  toolbar?: ReactNode;
  grid: Omit<VirtualDataTableProps<TRow>, "slot" | "placeholder">;
}

/** The root, toolbar and virtual rows of a table view, with the loading and error states every table shows alike. */
export function DataTableFrame<TRow extends RowData>({
  rootRef, slot, noun, status, error, onRetry, empty, placeholder, toolbar, grid, className, ...rest
}: DataTableFrameProps<TRow>) {
  const shown =
    status === "loading" ? (
      <Skeleton lines={8} label={`Loading ${noun}`} className="tl:p-3" />
    ) : status === "error" ? (
      <ErrorState title={`The ${noun} could not be loaded`} error={error} onRetry={onRetry} className="tl:m-3" />
    ) : (
      placeholder
    );
  return (
    <div
      {...rest}
      ref={rootRef}
      data-slot={`${slot}-root`}
      data-state={status === "ready" && empty ? "empty" : status}
      className={cn("tl-root tl:flex tl:flex-col tl:gap-2 tl:font-body tl:text-fg", className)}
    >
      {toolbar}
      <VirtualDataTable {...grid} slot={slot} placeholder={shown ?? undefined} />
    </div>
  );
}

export interface TableEmptyStateProps {
  slot: string;
  title: ReactNode;
  description: ReactNode;
  /** Actions under the text, such as clearing filters. */
  children?: ReactNode;
}

export function TableEmptyState({ slot, title, description, children }: TableEmptyStateProps) {
  return (
    <div data-slot={`${slot}-empty`} className="tl:flex tl:flex-col tl:items-center tl:gap-1 tl:px-4 tl:py-10 tl:text-center">
      <strong className="tl:text-sm">{title}</strong>
      <span className="tl:text-muted">{description}</span>
      {children}
    </div>
  );
}
