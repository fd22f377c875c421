import type { ReactNode } from "react";
import type { SentimentLabel } from "../../core/sentiment/types";
import { DataTableToolbar } from "../ui/DataTableToolbar";
import { SearchField } from "../ui/SearchField";
import { SentimentToggleGroup } from "../ui/SentimentToggleGroup";
import type { TableColumnMenuItem } from "../ui/TableColumnMenu";
import type { TableState } from "../ui/useTableState";

export interface TracesTableToolbarProps {
  search: string;
  onSearchChange: (next: string) => void;
  sentimentFilter: readonly SentimentLabel[];
  onSentimentFilterChange: (next: SentimentLabel[]) => void;
  columns: readonly TableColumnMenuItem[];
  table: TableState;
  /** Shown at the end of the toolbar (counts, status). */
  status?: ReactNode;
  /** The host's own controls. */
  actions?: ReactNode;
  /** More filters after the sentiment filter (the outlier toggle). */
  filters?: ReactNode;
}

/** Search, the sentiment filter and the column menu above the table. */
export function TracesTableToolbar({ search, onSearchChange, sentimentFilter, onSentimentFilterChange, filters, ...toolbar }: TracesTableToolbarProps) {
  return (
    <DataTableToolbar slot="traces-table" {...toolbar}>
      <SearchField value={search} onChange={onSearchChange} label="Search traces" />
      <SentimentToggleGroup value={sentimentFilter} onChange={onSentimentFilterChange} />
      {filters}
    </DataTableToolbar>
  );
}
