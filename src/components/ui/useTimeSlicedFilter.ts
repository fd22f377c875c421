import { useEffect, useMemo, useState } from "react";

/** Up to this many items are filtered in one go; beyond it the work is sliced. */
export const SYNC_FILTER_LIMIT = 2000;
/** Work per slice before yielding to the browser. */
const SLICE_MS = 8;
/** How often partial results are shown while a long filter runs. */
const PUBLISH_MS = 150;

export interface TimeSlicedFilter<T> {
  result: readonly T[];
  /** Items examined so far (all of them once done). */
  scanned: number;
  /** The filter is still running; `result` holds the matches found so far. */
  pending: boolean;
}

const yieldToBrowser = (fn: () => void): (() => void) => {
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
};

/**
 * Filters a large list without freezing the page: small lists synchronously, large ones in 8 ms slices,
 * showing the matches found so far every 150 ms. The first search over 100,000 traces extracts every
 * preview once, seconds of work that would otherwise block input. A new predicate restarts the run.
 */
export function useTimeSlicedFilter<T>(items: readonly T[], predicate: ((item: T) => boolean) | null): TimeSlicedFilter<T> {
  const sync = predicate === null || items.length <= SYNC_FILTER_LIMIT;
  const syncResult = useMemo(
    () => (sync ? (predicate ? items.filter((item) => predicate(item)) : items) : null),
    [sync, items, predicate],
  );
  const [run, setRun] = useState<{ items: readonly T[]; predicate: unknown; result: readonly T[]; scanned: number; done: boolean }>({
    items,
    predicate,
    result: [],
    scanned: 0,
    done: false,
  });

  useEffect(() => {
    if (sync || !predicate) return;
    let index = 0;
    const matches: T[] = [];
    let lastPublish = performance.now();
    let cancel: () => void = () => undefined;
    setRun({ items, predicate, result: [], scanned: 0, done: false });
    const step = () => {
      const deadline = performance.now() + SLICE_MS;
      while (index < items.length && performance.now() < deadline) {
        const end = Math.min(items.length, index + 256);
        for (; index < end; index++) if (predicate(items[index]!)) matches.push(items[index]!);
      }
      const done = index >= items.length;
      if (done || performance.now() - lastPublish > PUBLISH_MS) {
        lastPublish = performance.now();
        setRun({ items, predicate, result: matches.slice(), scanned: index, done });
      }
      if (!done) cancel = yieldToBrowser(step);
    };
    cancel = yieldToBrowser(step);
    return () => cancel();
  }, [sync, items, predicate]);

  if (syncResult) return { result: syncResult, scanned: items.length, pending: false };
  const current = run.items === items && run.predicate === predicate;
  return current ? { result: run.result, scanned: run.scanned, pending: !run.done } : { result: [], scanned: 0, pending: true };
}
