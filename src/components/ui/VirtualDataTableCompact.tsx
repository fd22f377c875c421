import type { ReactNode } from "react";
import type { DataTableCellContext } from "./dataTableFeatures";
import type { VisibleColumn } from "./VirtualDataTableRow";

/** The id of the disclosure column the compact layout adds when the table has no toggle of its own. */
export const COMPACT_TOGGLE_ID = "__compact-toggle";
export const COMPACT_TOGGLE_WIDTH = 32;

/** Opens and closes a row's detail, where the compact layout puts the columns it has no room for. */
export function CompactRowToggle({ context, label }: { context: DataTableCellContext; label: string }) {
  return (
    <button
      type="button"
      data-slot="compact-row-toggle"
      aria-expanded={context.expanded}
      aria-label={`${context.expanded ? "Hide" : "Show"} more of ${label}`}
      tabIndex={context.active ? 0 : -1}
      onClick={context.toggleExpanded}
      className="tl:inline-flex tl:h-5 tl:w-5 tl:cursor-pointer tl:items-center tl:justify-center tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-muted tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
    >
      <span aria-hidden="true">{context.expanded ? "▾" : "▸"}</span>
    </button>
  );
}

/** The columns the compact layout moved out of the row, as label/value pairs, above the table's own detail. */
export function CompactRowDetail<TRow>({ row, moved, context, detail }: { row: TRow; moved: ReadonlyArray<VisibleColumn<TRow>>; context: DataTableCellContext; detail?: ReactNode }) {
  return (
    <div data-slot="compact-row-detail" className="tl:flex tl:flex-col tl:gap-2">
      {moved.length > 0 && (
        <dl className="tl:m-0 tl:grid tl:grid-cols-[max-content_minmax(0,1fr)] tl:gap-x-3 tl:gap-y-1.5 tl:text-xs">
          {moved.map(({ id, column }) => (
            <div key={id} data-column-id={id} className="tl:contents">
              <dt className="tl:font-semibold tl:text-muted">{column.header}</dt>
              <dd className="tl:m-0 tl:min-w-0 tl:overflow-hidden">{column.cell(row, context)}</dd>
            </div>
          ))}
        </dl>
      )}
      {detail}
    </div>
  );
}
