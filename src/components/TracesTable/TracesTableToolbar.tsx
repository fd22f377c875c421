import type { ReactNode } from "react";
import type { SentimentLabel } from "../../core/sentiment/types";
import { SearchField } from "../ui/SearchField";
import { SentimentToggleGroup } from "../ui/SentimentToggleGroup";
import { TableColumnMenu, type TableColumnMenuItem } from "../ui/TableColumnMenu";

export interface TracesTableToolbarProps {
  search: string;
  onSearchChange: (next: string) => void;
  sentimentFilter: readonly SentimentLabel[];
  onSentimentFilterChange: (next: SentimentLabel[]) => void;
  columns: readonly TableColumnMenuItem[];
  visibility: Record<string, boolean>;
  onVisibilityChange: (next: Record<string, boolean>) => void;
  onOrderChange: (next: string[]) => void;
  onResetColumns: () => void;
  /** Shown at the end of the toolbar (counts, status). */
  status?: ReactNode;
  /** The host's own controls. */
  actions?: ReactNode;
}

/** Search, the sentiment filter and the column menu above the table. */
export function TracesTableToolbar(props: TracesTableToolbarProps) {
  return (
    <div data-slot="traces-table-toolbar" className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
      <SearchField value={props.search} onChange={props.onSearchChange} label="Search traces" />
      <SentimentToggleGroup value={props.sentimentFilter} onChange={props.onSentimentFilterChange} />
      {props.actions}
      <span className="tl:ml-auto tl:flex tl:items-center tl:gap-2">
        {props.status}
        <TableColumnMenu
          columns={props.columns}
          visibility={props.visibility}
          onVisibilityChange={props.onVisibilityChange}
          onOrderChange={props.onOrderChange}
          onReset={props.onResetColumns}
        />
      </span>
    </div>
  );
}
