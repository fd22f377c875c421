import { SMALL_BUTTON } from "./buttonStyles";
import { errorMessage } from "./ErrorState";

/** Where a paged explore list stands (what the hooks' `useExploreRows` returns). */
export interface ExplorePaging {
  loadingMore: boolean;
  moreError: unknown;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/** Under the last row: the next page loading, its error with a retry, or the button that asks for more. */
export function ExplorePagingFooter({ paging, noun }: { paging: ExplorePaging; noun: string }) {
  if (paging.loadingMore) return <span role="status">{`Loading more ${noun}…`}</span>;
  if (paging.moreError) {
    return (
      <span role="alert" className="tl:inline-flex tl:items-center tl:gap-2 tl:text-danger">
        {`More ${noun} could not be loaded: ${errorMessage(paging.moreError)}`}
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
