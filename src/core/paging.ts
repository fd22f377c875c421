/** Where a paged list stands: what the paging hooks return and the table views draw (loading, more, errors). */
export interface PagingState {
  /** `loading` until the first page, `error` when it (or a refetch) failed. */
  status: "loading" | "error" | "ready";
  error: unknown;
  /** A later page is loading. */
  loadingMore: boolean;
  /** A later page failed (the loaded rows stay). */
  moreError: unknown;
  hasMore: boolean;
  loadMore: () => void;
  /** Asks again for what failed: the next page, or the list. */
  retry: () => void;
}
