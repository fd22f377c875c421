import { useEffect, useMemo, useState } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { startTraceTree, type TraceTree, type TraceTreeShape } from "../../core/trace";
import { startTraceTreeSteps } from "../../core/traceBuild";
import { finishJob, runJob, type SlicedJob } from "../ui/slicedJob";
import { afterNextPaintInBackground, inBackground } from "../ui/useSlicedJob";
import { warmTraceDetailHeader } from "./TraceDetailCostHeader";
import { traceDetailBaseInsight, traceDetailInsightSteps } from "./traceDetailInsight";
import { outlineTraceDetailSteps, warmTraceDetailRows } from "./traceDetailRows";
import { timelineLayoutOf } from "./traceDetailTimelineLayout";

/**
 * Up to this many events, the whole tree is built during render (the same result on every machine, and
 * in tests). Beyond it the first paint draws the outline: at 1,000 events the checked tree, header,
 * timeline, loop search and event panel cost several frames, which the rows need not wait for.
 */
export const SYNC_TREE_EVENTS = 600;
/**
 * Up to this many events the outline is drawn in the first render. Beyond it even the outline is a long
 * task (50,000 events: a few hundred ms on a slow machine), so it is read in slices too, a "reading"
 * skeleton standing where the rows go until it is done.
 */
export const OUTLINE_IN_RENDER_EVENTS = 20_000;
/** Each later slice of the build runs this long, well under a long task. */
const SLICE_MS = 12;
/**
 * What TraceDetail shows, in the order a large trace gets it, each after the previous one has been painted:
 * the outline (rows, not yet checked), the finished tree, the timeline, the loop badges.
 */
export type TraceDetailStage = "reading" | "outline" | "tree" | "timeline" | "complete";

interface Started {
  /** The finished tree's shape (small traces), or the outline of a large one. */
  shape: TraceTreeShape | null;
  /** Set once the build has finished (at once for small traces). */
  tree: TraceTree | null;
  job: SlicedJob<TraceTree> | null;
  /** A very large trace's outline, read in slices before its rows are drawn. */
  outlineJob: SlicedJob<TraceTreeShape> | null;
  error: unknown;
}

export interface TraceDetailBuild {
  /**
   * Nodes and rows: there from the first render on. For a large trace, its outline (`outlineTraceTree`:
   * copies not merged yet, own figures only) until the finished tree replaces it.
   */
  shape: TraceTreeShape | null;
  /** `shape` is the outline: duplicates, notes and totals are still being checked. */
  checking: boolean;
  /** The finished tree (totals, extents, critical path, notes); null while a large trace is being finished. */
  tree: TraceTree | null;
  error: unknown;
  stage: TraceDetailStage;
}

function start(trace: LLMTrace | null | undefined): Started {
  if (!trace) return { shape: null, tree: null, job: null, outlineJob: null, error: null };
  try {
    const events = Array.isArray(trace.events) ? trace.events.length : 0;
    if (events > OUTLINE_IN_RENDER_EVENTS) return { shape: null, tree: null, job: buildInSteps(trace), outlineJob: outlineTraceDetailSteps(trace), error: null };
    if (events > SYNC_TREE_EVENTS) return { shape: finishJob(outlineTraceDetailSteps(trace)), tree: null, job: buildInSteps(trace), outlineJob: null, error: null };
    const { shape, finish } = startTraceTree(trace);
    const step = runJob(finish, Infinity);
    return { shape, tree: step.done ? step.value : null, job: null, outlineJob: null, error: null };
  } catch (error) {
    return { shape: null, tree: null, job: null, outlineJob: null, error };
  }
}

/**
 * The whole build as one job, run after the outline has been painted; it also works out what the first
 * render with the finished tree reads (the header's figures, evaluations and feedback, the rows), each in a step
 * of its own, so that render is not one long task.
 */
function* buildInSteps(trace: LLMTrace): SlicedJob<TraceTree> {
  const { finish } = yield* startTraceTreeSteps(trace);
  const tree = yield* finish;
  yield;
  traceDetailBaseInsight(tree);
  yield;
  warmTraceDetailHeader(tree);
  yield;
  yield* warmTraceDetailRows(tree);
  return tree;
}

/**
 * Runs `job` in slices of {@link SLICE_MS} at background priority, the first after the next paint, so
 * the rows on show are painted first and input and frames go before the rest; returns its cancel.
 */
function runInSlices<T>(job: SlicedJob<T>, onDone: (value: T) => void, onError: (error: unknown) => void): () => void {
  let cancel = () => undefined as void;
  const step = () => {
    try {
      const result = runJob(job, performance.now() + SLICE_MS);
      if (result.done) onDone(result.value);
      else cancel = inBackground(step);
    } catch (error) {
      onError(error);
    }
  };
  cancel = afterNextPaintInBackground(step);
  return () => cancel();
}

/**
 * TraceDetail's tree, built so that a large trace paints its rows first: a cheap outline during render,
 * the checked and summed tree in short slices after that paint (it replaces the outline), then the
 * timeline, then the loop badges, each in a task of its own. Traces of up to {@link SYNC_TREE_EVENTS}
 * events get everything at once.
 */
export function useTraceDetailBuild(trace: LLMTrace | null | undefined, locale?: string): TraceDetailBuild {
  const started = useMemo(() => start(trace), [trace]);
  const [outlined, setOutlined] = useState<{ for: Started; shape: TraceTreeShape | null; error: unknown } | null>(null);
  const outline = started.outlineJob && outlined?.for === started ? outlined : null;
  const drawn = started.shape ?? outline?.shape ?? null;
  const [progress, setProgress] = useState<{ for: Started; tree: TraceTree | null; error: unknown; stage: TraceDetailStage } | null>(null);
  const current = progress?.for === started ? progress : null;
  const stage: TraceDetailStage = !started.job ? "complete" : (current?.stage ?? (drawn || outline ? "outline" : "reading"));

  useEffect(() => {
    const job = started.outlineJob;
    if (!job || outline) return;
    return runInSlices(job, (shape) => setOutlined({ for: started, shape, error: null }), (error) => setOutlined({ for: started, shape: null, error }));
  }, [started, outline]);

  useEffect(() => {
    const job = started.job;
    // A very large trace is checked once its outline's rows are on show.
    if (!job || current || (started.outlineJob && !outline)) return;
    return runInSlices(job, (tree) => setProgress({ for: started, tree, error: null, stage: "tree" }), (error) => setProgress({ for: started, tree: null, error, stage: "complete" }));
  }, [started, current, outline]);

  useEffect(() => {
    if (current?.stage === "tree") {
      const tree = current.tree;
      // The timeline's layout is worked out in this background task, so the render that draws it is short.
      return afterNextPaintInBackground(() => {
        try {
          if (tree) timelineLayoutOf(tree);
        } catch {
          // The timeline's own render meets the same error and shows it in its error boundary.
        }
        setProgress({ ...current, stage: "timeline" });
      });
    }
    // The loop search, the costly part of the insight, in slices of its own; the view then finds it cached.
    const tree = current?.tree;
    if (current?.stage !== "timeline" || !tree) return;
    const done = () => setProgress({ ...current, stage: "complete" });
    return runInSlices(traceDetailInsightSteps(tree, locale), done, done);
  }, [current, locale]);

  if (!started.job) return { shape: started.shape, checking: false, tree: started.tree, error: started.error, stage };
  const tree = current?.tree ?? null;
  // Until the tree lands the outline stands in for its shape; a failed build shows its error instead.
  return { shape: tree ?? drawn, checking: !tree, tree, error: current?.error ?? outline?.error ?? null, stage };
}
