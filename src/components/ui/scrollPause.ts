/**
 * Background work waits while the page scrolls. A slice of it (8 ms of row normalising, outlier figures)
 * that lands between two scroll frames adds its length to the next frame, and the garbage it leaves makes
 * the next collection, inside a frame, longer; a scrolling user sees both as a stutter. Scroll events of
 * any element on the page count (they reach the document in the capture phase), so a host's own
 * scrolling is protected too.
 */

/** The page counts as scrolling until this long after its last scroll event. */
export const SCROLL_QUIET_MS = 150;
/** Work waits at most this long after it asked to run, so a page that never stops scrolling still finishes it. */
export const SCROLL_PAUSE_LIMIT_MS = 2000;

let lastScrollAt = Number.NEGATIVE_INFINITY;
let listening = false;

const noteScroll = () => {
  lastScrollAt = performance.now();
};

/** Starts watching the page's scroll events (once); without a document there is nothing to watch. */
export function watchPageScroll(): void {
  if (listening || typeof document === "undefined") return;
  listening = true;
  document.addEventListener("scroll", noteScroll, { capture: true, passive: true });
}

/** The page scrolled less than {@link SCROLL_QUIET_MS} ago. */
export function isPageScrolling(now = performance.now()): boolean {
  return lastScrollAt + SCROLL_QUIET_MS > now;
}

/**
 * How long work that asked to run at `askedAt` should still wait: until the page has been quiet for
 * {@link SCROLL_QUIET_MS}, but no later than {@link SCROLL_PAUSE_LIMIT_MS} after `askedAt`; 0 to run now.
 */
export function scrollPauseLeft(askedAt: number, now = performance.now()): number {
  const quietAt = lastScrollAt + SCROLL_QUIET_MS;
  if (quietAt <= now) return 0;
  return Math.max(0, Math.min(quietAt, askedAt + SCROLL_PAUSE_LIMIT_MS) - now);
}
