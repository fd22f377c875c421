import { createContext, useContext } from "react";
import type { SentimentLevel } from "../../core/sentiment/types";

/** The dates a table's lazily loaded sentiment is asked within (the table's query window). */
export interface CellSentimentRange {
  dateFrom?: string | null;
  dateTo?: string | null;
}

/** What cells read beyond their row: formatting, the search term to mark, and whether sentiment loads. */
export interface TableCellContextValue {
  locale?: string;
  /** The instant relative times are measured from (epoch ms); the current time when omitted. */
  now?: number;
  /** Search text to mark in names and previews. */
  highlight?: string;
  /**
   * Rows without inline sentiment load theirs within these dates, through the provider's (or the
   * table's own) client; `null`: show only the sentiment rows carry.
   */
  sentimentRange: CellSentimentRange | null;
  level: SentimentLevel;
}

const DEFAULT: TableCellContextValue = { sentimentRange: null, level: "trace" };

export const TableCellContext = createContext<TableCellContextValue>(DEFAULT);

export function useTableCellContext(): TableCellContextValue {
  return useContext(TableCellContext);
}
