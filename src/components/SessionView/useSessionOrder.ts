import type { LLMTrace } from "../../core/eventsTrace";
import { sessionTracesSteps } from "../../core/traceSession";
import type { SlicedJob } from "../ui/slicedJob";
import { useSlicedJob } from "../ui/useSlicedJob";
import { inConversationOrderAlready } from "./sessionViewModel";

/** Host data may hold anything: only trace-shaped objects can belong to a session. */
const readableTraces = (traces: readonly LLMTrace[]): LLMTrace[] =>
  Array.isArray(traces) ? traces.filter((trace): trace is LLMTrace => typeof trace === "object" && trace !== null) : [];

function* sessionOrderJob(source: readonly LLMTrace[], sessionId: string): SlicedJob<{ sessionId: string; traces: LLMTrace[] }> {
  const readable = readableTraces(source);
  yield;
  return { sessionId, traces: inConversationOrderAlready(yield* sessionTracesSteps(readable, sessionId)) };
}

export interface SessionOrder {
  /** The session's traces oldest first; while they are being picked, the last list of the same session (or undefined). */
  traces: LLMTrace[] | undefined;
  /** The current traces are still being picked and ordered. */
  pending: boolean;
}

/**
 * The traces of `sessionId` among `source`, oldest first. Up to a few thousand at once; beyond, picked in
 * slices after the first paint (20,000 traces are not read in the task that mounts the view).
 */
export function useSessionOrder(source: readonly LLMTrace[] | undefined, sessionId: string): SessionOrder {
  const size = Array.isArray(source) ? source.length : 0;
  const ordered = useSlicedJob(() => (source ? sessionOrderJob(source, sessionId) : null), [source, sessionId], size, { afterPaint: true });
  // Another session's list never stands in for this one's, even while this one is being read.
  const traces = ordered.value?.sessionId === sessionId ? ordered.value.traces : undefined;
  return { traces, pending: ordered.pending };
}
