import type { ReactNode } from "react";
import type { PagingState } from "../../core/paging";
import { SMALL_BUTTON } from "./buttonStyles";
import { errorMessage } from "./ErrorState";

/** Where a paged list stands (the shape the hooks' `usePagedRows` returns). */
export type DataTablePaging = PagingState;

/** What a table view takes from its pages: state, retry, loading as the user scrolls, and the footer. */
export interface DataTablePagingProps {
  status: DataTablePaging["status"];
  error: unknown;
  onRetry: () => void;
  onEndReached?: () => void;
  footer: ReactNode;
}

/** What the footer reads of a paged list (explore lists, keyed otherwise, give only this much). */
export type PagingFooterState = Pick<PagingState, "loadingMore" | "moreError" | "hasMore" | "loadMore" | "retry">;

/** Under the last row: later pages loading, their error with a retry, or the button that asks for more. */
export function DataTablePagingFooter({ paging, noun }: { paging: PagingFooterState; noun: string }) {
  if (paging.loadingMore) return <span role="status">{`Loading more ${noun}…`}</span>;
  if (paging.moreError) {
    return (
      <span role="alert" className="tl:inline-flex tl:items-center tl:gap-2 tl:text-danger">
        {`More ${noun} could not be loaded: `}
        {errorMessage(paging.moreError)}
        <button type="button" onClick={paging.retry} className={SMALL_BUTTON}>
          Try again
        </button>
      </span>
    );
  }
  if (!paging.hasMore) return null;
  return (
    <button type="button" onClick={paging.loadMore} className={SMALL_BUTTON}>
      {`Load more ${noun}`}
    </button>
  );
}

/** A table view's props for a paged list of `rowCount` rows (`noun` names them in the footer). */
export function dataTablePagingProps(paging: DataTablePaging, noun: string, rowCount: number): DataTablePagingProps {
  return {
    status: paging.status,
    error: paging.error,
    onRetry: paging.retry,
    onEndReached: paging.hasMore ? paging.loadMore : undefined,
    footer: rowCount > 0 ? <DataTablePagingFooter paging={paging} noun={noun} /> : null,
  };
}
