import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "./cn";

/*
 * The table skin both tracelens tables share, one function per part, each with a `data-slot` and the
 * caller's className last (the shadcn table anatomy). Native table elements keep their implicit roles,
 * so assistive technology reads rows, columns and sort state without ARIA patching.
 */

export interface DataTableProps extends ComponentPropsWithoutRef<"table"> {
  /** Fixed layout (column widths from `<col>`, rows never reflow) or content-sized columns. @default "fixed" */
  layout?: "fixed" | "auto";
}

export const DataTable = forwardRef(function DataTable({ layout = "fixed", className, ...rest }: DataTableProps, ref: Ref<HTMLTableElement>) {
  return (
    <table
      {...rest}
      ref={ref}
      data-slot="data-table"
      className={cn(
        layout === "fixed" ? "tl:table-fixed" : "tl:table-auto",
        "tl:border-separate tl:border-spacing-0 tl:text-xs tl:text-fg",
        className,
      )}
    />
  );
});
DataTable.displayName = "DataTable";

export const DataTableHeader = forwardRef(function DataTableHeader(
  { className, ...rest }: ComponentPropsWithoutRef<"thead">,
  ref: Ref<HTMLTableSectionElement>,
) {
  return <thead {...rest} ref={ref} data-slot="data-table-header" className={cn("tl:sticky tl:top-0 tl:z-10", className)} />;
});
DataTableHeader.displayName = "DataTableHeader";

export const DataTableBody = forwardRef(function DataTableBody(
  { className, ...rest }: ComponentPropsWithoutRef<"tbody">,
  ref: Ref<HTMLTableSectionElement>,
) {
  return <tbody {...rest} ref={ref} data-slot="data-table-body" className={className} />;
});
DataTableBody.displayName = "DataTableBody";

export const DataTableRow = forwardRef(function DataTableRow(
  { className, ...rest }: ComponentPropsWithoutRef<"tr">,
  ref: Ref<HTMLTableRowElement>,
) {
  return (
    <tr
      {...rest}
      ref={ref}
      data-slot="data-table-row"
      className={cn(
        "tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:-outline-offset-2 tl:focus-visible:outline-focus",
        className,
      )}
    />
  );
});
DataTableRow.displayName = "DataTableRow";

export const DataTableHead = forwardRef(function DataTableHead(
  { className, ...rest }: ComponentPropsWithoutRef<"th">,
  ref: Ref<HTMLTableCellElement>,
) {
  return (
    <th
      {...rest}
      ref={ref}
      data-slot="data-table-head"
      className={cn(
        "tl:h-9 tl:border-b tl:border-border tl:bg-bg-subtle tl:px-2 tl:text-left tl:align-middle tl:font-semibold tl:whitespace-nowrap",
        className,
      )}
    />
  );
});
DataTableHead.displayName = "DataTableHead";

/** A body cell's own classes (virtual rows write `<td>`s with them directly: one element less per cell to render). */
export const DATA_TABLE_CELL_CLASS = "tl:border-b tl:border-border tl:px-2 tl:py-1.5 tl:align-middle tl:overflow-hidden";

export const DataTableCell = forwardRef(function DataTableCell(
  { className, ...rest }: ComponentPropsWithoutRef<"td">,
  ref: Ref<HTMLTableCellElement>,
) {
  return <td {...rest} ref={ref} data-slot="data-table-cell" className={cn(DATA_TABLE_CELL_CLASS, className)} />;
});
DataTableCell.displayName = "DataTableCell";
