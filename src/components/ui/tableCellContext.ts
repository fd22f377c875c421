import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { TraceLensClient } from "../../client/clientTypes";
import type { SentimentLevel } from "../../hooks/keys";

/** Where lazily loaded sentiment comes from: the provider's (or an explicit) client, and the date window. */
export interface LazySentimentSource {
  client: TraceLensClient;
  queryClient: QueryClient;
  dateFrom?: string | null;
  dateTo?: string | null;
}

/** What cells read beyond their row: formatting, the search term to mark, and the sentiment source. */
export interface TableCellContextValue {
  locale?: string;
  /** The instant relative times are measured from (epoch ms); the current time when omitted. */
  now?: number;
  /** Search text to mark in names and previews. */
  highlight?: string;
  /** `null`: show only sentiment the rows carry. */
  sentiment: LazySentimentSource | null;
  level: SentimentLevel;
}

const DEFAULT: TableCellContextValue = { sentiment: null, level: "trace" };

export const TableCellContext = createContext<TableCellContextValue>(DEFAULT);

export function useTableCellContext(): TableCellContextValue {
  return useContext(TableCellContext);
}
