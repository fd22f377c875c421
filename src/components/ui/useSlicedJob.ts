import { useEffect, useMemo, useRef, useState, type DependencyList } from "react";
import { runJob, type SlicedJob } from "./slicedJob";
import { scrollPauseLeft, watchPageScroll } from "./scrollPause";

/** Up to this many items, a job runs to the end during render (the same result on every machine). */
export const SYNC_JOB_LIMIT = 2000;
/** Beyond it, the job starts during render for at most this long, then goes on in slices. */
const FIRST_SLICE_MS = 40;
const SLICE_MS = 8;

export interface SlicedResult<T> {
  /** The result for the current inputs; while they are being worked on, the last finished result (or undefined). */
  value: T | undefined;
  /** The current inputs' result is not ready yet. */
  pending: boolean;
}

type Started<T> = { token: object; value: T; job?: undefined } | { token: object; job: SlicedJob<T>; value?: undefined } | null;
type Finished<T> = { token: object; value: T } | { token: object; error: unknown } | null;

const yieldToBrowser = (fn: () => void): (() => void) => {
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
};

/**
 * Runs `fn` in a task after the next frame is painted (a task queued from an animation frame runs after
 * its paint); a hidden page paints no frames, so a timer stands in after 100 ms.
 */
export const afterNextPaint = (fn: () => void): (() => void) => {
  if (typeof requestAnimationFrame !== "function") return yieldToBrowser(fn);
  let cancelTask = () => undefined as void;
  const start = () => {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    cancelTask = yieldToBrowser(fn);
  };
  const frame = requestAnimationFrame(start);
  const fallback = setTimeout(start, 100);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    cancelTask();
  };
};

interface PostTaskScheduler {
  postTask(fn: () => void, options: { priority: "background"; signal: AbortSignal }): Promise<unknown>;
}

/** A task of background priority where the browser has them (`scheduler.postTask`), else a plain one. */
const postBackgroundTask = (fn: () => void): (() => void) => {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== "function" || typeof AbortController !== "function") return yieldToBrowser(fn);
  const controller = new AbortController();
  scheduler.postTask(fn, { priority: "background", signal: controller.signal }).catch(() => undefined);
  return () => controller.abort();
};

/**
 * Runs `fn` in a task of background priority where the browser has them (`scheduler.postTask`): work
 * nobody is waiting for goes after the page's own tasks (its input handlers, its next frame), not between
 * them; elsewhere in a plain task. While the page scrolls it waits for the scrolling to pause (see scrollPause:
 * a background task still runs between two scroll frames, and delays the next one), unless `duringScroll`
 * says the scrolling itself needs it done (it then keeps its slices short while the page scrolls).
 */
export const inBackground = (fn: () => void, options: { duringScroll?: boolean } = {}): (() => void) => {
  watchPageScroll();
  if (options.duringScroll) return postBackgroundTask(fn);
  const askedAt = performance.now();
  let cancel = () => undefined as void;
  const run = () => {
    // Checked when the task runs, not when it is posted: a background task can wait a while for its turn.
    const wait = scrollPauseLeft(askedAt);
    if (wait <= 0) return fn();
    const timer = setTimeout(() => (cancel = postBackgroundTask(run)), wait);
    cancel = () => clearTimeout(timer);
  };
  cancel = postBackgroundTask(run);
  return () => cancel();
};

/** {@link afterNextPaint}, and then in the background ({@link inBackground}). */
export const afterNextPaintInBackground = (fn: () => void, options: { duringScroll?: boolean } = {}): (() => void) => {
  let cancelTask = () => undefined as void;
  const cancelStart = afterNextPaint(() => {
    cancelTask = inBackground(fn, options);
  });
  return () => {
    cancelStart();
    cancelTask();
  };
};

export interface SlicedJobOptions {
  /**
   * Work that can wait for the first paint (a column's badges, not the rows' order): beyond
   * {@link SYNC_JOB_LIMIT} items nothing runs during render, and the slices start after the next frame
   * is painted, at background priority, so a mount costs the same at 10,000 rows as at 100,000. @default false
   */
  afterPaint?: boolean;
  /**
   * Beyond this many items nothing runs during render: a job that cannot finish within the first slice
   * would only make the task that renders it longer. @default Infinity
   */
  inRenderUpTo?: number;
}

/**
 * A value computed by a sliced job, without blocking the page: `size` items or fewer, synchronously;
 * more, synchronously for 40 ms (nothing with `afterPaint`) and then in 8 ms slices between frames, keeping the last finished value on
 * show meanwhile. `create` returning null means there is nothing to compute. Errors surface in render,
 * where an error boundary can catch them.
 */
export function useSlicedJob<T>(create: () => SlicedJob<T> | null, deps: DependencyList, size: number, options: SlicedJobOptions = {}): SlicedResult<T> {
  const deferred = options.afterPaint === true && size > SYNC_JOB_LIMIT;
  const inRender = size <= SYNC_JOB_LIMIT || size <= (options.inRenderUpTo ?? Infinity);
  const started = useMemo((): Started<T> => {
    const job = create();
    if (!job) return null;
    const token = {};
    if (deferred || !inRender) return { token, job };
    const step = runJob(job, size <= SYNC_JOB_LIMIT ? Infinity : performance.now() + FIRST_SLICE_MS);
    return step.done ? { token, value: step.value } : { token, job };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const [finished, setFinished] = useState<Finished<T>>(null);
  useEffect(() => {
    if (!started?.job) return;
    const { job, token } = started;
    let cancel = () => undefined as void;
    const step = () => {
      try {
        const result = runJob(job, performance.now() + SLICE_MS);
        if (result.done) setFinished({ token, value: result.value });
        else cancel = deferred ? inBackground(step) : yieldToBrowser(step);
      } catch (error) {
        setFinished({ token, error });
      }
    };
    cancel = deferred ? afterNextPaintInBackground(step) : yieldToBrowser(step);
    return () => cancel();
    // `deferred` only picks how the job that `started` holds begins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [started]);

  const last = useRef<{ value: T } | null>(null);
  let result: SlicedResult<T>;
  if (!started) result = { value: undefined, pending: false };
  else if (!started.job) result = { value: started.value, pending: false };
  else if (finished?.token === started.token) {
    if ("error" in finished) throw finished.error;
    result = { value: finished.value, pending: false };
  } else result = { value: last.current?.value, pending: true };
  useEffect(() => {
    if (!result.pending && result.value !== undefined) last.current = { value: result.value };
  });
  return result;
}
