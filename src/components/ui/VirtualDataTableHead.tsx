import type { RefObject } from "react";
import type { HeaderGroup, RowData } from "@tanstack/react-table";
import { DataTableColumnHeader } from "./DataTableColumnHeader";
import { DataTableHead, DataTableHeader, DataTableRow } from "./DataTableParts";
import type { DataTableFeatures } from "./dataTableFeatures";
import type { VisibleColumn } from "./VirtualDataTableRow";
import { COMPACT_TOGGLE_ID } from "./VirtualDataTableCompact";

interface ColumnsAndHeaderOptions<TRow extends RowData> {
  rowColumns: ReadonlyArray<VisibleColumn<TRow>>;
  colWidth: (id: string, width?: number) => number | string;
  headerRef: RefObject<HTMLTableSectionElement | null>;
  headerGroups: ReadonlyArray<HeaderGroup<DataTableFeatures, TRow>>;
  keptIds: ReadonlySet<string>;
  showRows: boolean;
  sortingActive: boolean;
  implicitSort?: { id: string; desc: boolean } | null;
}

/**
 * A virtual table's column widths and sticky header. Built apart from the rows so VirtualDataTable can
 * keep the same element while only the rows move (a scroll frame then skips the headers altogether).
 */
export function virtualTableColumnsAndHeader<TRow extends RowData>({
  rowColumns,
  colWidth,
  headerRef,
  headerGroups,
  keptIds,
  showRows,
  sortingActive,
  implicitSort,
}: ColumnsAndHeaderOptions<TRow>) {
  return (
    <>
      <colgroup>
        {rowColumns.map(({ id, column }) => (
          <col key={id} style={{ width: colWidth(id, column.width) }} />
        ))}
      </colgroup>
      <DataTableHeader ref={headerRef}>
        {headerGroups.map((group) => (
          <DataTableRow key={group.id} aria-rowindex={showRows ? 1 : undefined} className="tl:hover:bg-transparent">
            {keptIds.has(COMPACT_TOGGLE_ID) && (
              <DataTableHead>
                <span className="tl:sr-only">More</span>
              </DataTableHead>
            )}
            {group.headers
              .filter((header) => keptIds.has(header.column.id))
              .map((header) => (
                <DataTableColumnHeader key={header.id} header={header} sortingActive={sortingActive} implicitSort={implicitSort} />
              ))}
          </DataTableRow>
        ))}
      </DataTableHeader>
    </>
  );
}
