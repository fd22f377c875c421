/**
 * A trace's figures for `findTraceOutliers`, from a built tree or from an `LLMTrace`.
 */
import { isPropertyBag, readId, readNumber } from "./eventsAccess";
import type { LLMTrace } from "./eventsTrace";
import { asTraceTree, type TraceInsightInput } from "./traceInsightInput";
import { detectTraceLoops } from "./traceLoops";
import type { TraceLoopOptions } from "./traceLoopsTypes";
import type { TraceOutlierInput } from "./traceOutliersTypes";
import type { TraceTree } from "./traceTypes";
import { llmTraceUsage } from "./traceUsage";

/** Options of `traceOutlierInput`. */
export interface TraceOutlierInputOptions {
  /** Count loops (needs the events; skip for speed when not flagging loops). @default true */
  loops?: boolean;
  /** Passed to `detectTraceLoops`. */
  loopOptions?: TraceLoopOptions;
}

function fromTree(tree: TraceTree, loops: number | null): TraceOutlierInput {
  const m = tree.metrics;
  const costKnown = m.coverage.costFromTrace || m.coverage.costReported > 0;
  const tokensKnown = m.coverage.tokensFromTrace || m.coverage.tokensReported > 0;
  const timed = m.latencyRule === "trace-event" || m.wallClockLatency !== null || m.totalLatency > 0;
  return {
    traceId: tree.traceId ?? tree.root.key,
    cost: costKnown ? m.totalCost : null,
    latency: timed ? m.totalLatency : null,
    tokens: tokensKnown ? m.inputTokens + m.outputTokens : null,
    errors: m.errorCount,
    loops,
  };
}

function isLLMTrace(input: unknown): input is LLMTrace {
  return isPropertyBag(input) && Array.isArray(input.events) && !(input.nodesByKey instanceof Map);
}

/**
 * Cost, latency, tokens, errors and loop count of one trace.
 * - A built tree: its metrics (cost and tokens `null` when nobody reported them).
 * - An `LLMTrace`: its own totals where present (a TracesQuery row lists only top-level events,
 *   so PostHog's totals are the better figures; see `llmTraceUsage`), else the tree of its events.
 *   Loops are counted over the events it carries.
 * Never throws.
 */
export function traceOutlierInput(trace: TraceInsightInput, options: TraceOutlierInputOptions = {}): TraceOutlierInput {
  const tree = asTraceTree(trace);
  const loops = options.loops === false ? null : detectTraceLoops(tree, options.loopOptions).length;
  const base = fromTree(tree, loops);
  if (!isLLMTrace(trace)) return base;
  const usage = llmTraceUsage(trace);
  const { coverage } = usage;
  // As describeCost shows it: a 0 nobody reported (PostHog sums a missing cost as 0) is unknown.
  const cost = usage.totalCost !== null && (usage.totalCost > 0 || coverage.costReported > 0 || coverage.costFromTrace) ? usage.totalCost : null;
  const tokensReported = coverage.tokensReported > 0 || coverage.tokensFromTrace;
  const latency = readNumber(trace.totalLatency);
  const errors = readNumber(trace.errorCount);
  const input = usage.inputTokens;
  const output = usage.outputTokens;
  return {
    traceId: readId(trace.id) ?? base.traceId,
    cost: cost ?? base.cost,
    latency: latency !== null && latency >= 0 ? latency : base.latency,
    tokens: (input ?? 0) + (output ?? 0) > 0 || (tokensReported && (input !== null || output !== null)) ? (input ?? 0) + (output ?? 0) : base.tokens,
    errors: errors !== null && errors >= 0 ? errors : base.errors,
    loops,
  };
}
