import { useId } from "react";
import type { Header, RowData } from "@tanstack/react-table";
import { cn } from "./cn";
import { DataTableHead } from "./DataTableParts";
import type { DataTableFeatures } from "./dataTableFeatures";
import { useTooltip } from "./Tooltip";

export type SortDirectionState = "ascending" | "descending" | "none";

/** `aria-sort` for a column: its own sort, or the data's natural order when nothing is sorted. */
export function columnSortState(
  sorted: false | "asc" | "desc",
  columnId: string,
  sortingActive: boolean,
  implicitSort: { id: string; desc: boolean } | null | undefined,
): SortDirectionState {
  if (sorted) return sorted === "asc" ? "ascending" : "descending";
  if (!sortingActive && implicitSort && implicitSort.id === columnId) return implicitSort.desc ? "descending" : "ascending";
  return "none";
}

const ARROW: Record<SortDirectionState, string> = { ascending: "▲", descending: "▼", none: "↕" };

interface DataTableColumnHeaderProps<TRow extends RowData> {
  header: Header<DataTableFeatures, TRow, unknown>;
  sortingActive: boolean;
  implicitSort?: { id: string; desc: boolean } | null;
}

/**
 * One column header. Sortable columns get a button and `aria-sort` (React Aria's header semantics) plus
 * `data-sort-direction` / `data-allows-sorting` for styling, written only when they apply.
 */
export function DataTableColumnHeader<TRow extends RowData>({ header, sortingActive, implicitSort }: DataTableColumnHeaderProps<TRow>) {
  const column = header.column;
  const meta = column.columnDef.meta;
  const label = meta?.label ?? column.id;
  const canSort = column.getCanSort();
  const state = columnSortState(column.getIsSorted(), column.id, sortingActive, implicitSort);
  const descriptionId = useId();
  const { setTrigger, triggerProps, tooltip } = useTooltip(meta?.description, Boolean(meta?.description));
  const alignEnd = meta?.align === "end";
  const describedBy = meta?.description ? descriptionId : undefined;
  const content = canSort ? (
    <button
      type="button"
      ref={setTrigger}
      {...triggerProps}
      aria-describedby={describedBy}
      onClick={column.getToggleSortingHandler()}
      className={cn(
        "tl:inline-flex tl:max-w-full tl:cursor-pointer tl:items-center tl:gap-1 tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:font-semibold tl:text-fg",
        "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-2 tl:focus-visible:outline-focus",
        alignEnd && "tl:flex-row-reverse",
      )}
    >
      <span className="tl:truncate">{label}</span>
      <span aria-hidden="true" className={cn("tl:text-[10px]", state === "none" ? "tl:text-muted" : "tl:text-accent")}>
        {ARROW[state]}
      </span>
    </button>
  ) : (
    <span
      ref={setTrigger}
      {...triggerProps}
      tabIndex={meta?.description ? 0 : undefined}
      aria-describedby={describedBy}
      className="tl:truncate tl:rounded-sm tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
    >
      {meta?.headerHidden ? <span className="tl:sr-only">{label}</span> : label}
    </span>
  );
  return (
    <DataTableHead
      scope="col"
      aria-sort={canSort || state !== "none" ? state : undefined}
      data-column-id={column.id}
      data-sort-direction={state !== "none" ? state : undefined}
      data-allows-sorting={canSort || undefined}
      className={cn(alignEnd && "tl:text-right")}
    >
      {content}
      {meta?.description && (
        <span id={descriptionId} hidden>
          {meta.description}
        </span>
      )}
      {tooltip}
    </DataTableHead>
  );
}
