/**
 * Types of `detectTraceLoops`: repeated tool calls, repeated generations and repeating span-name
 * sequences in agent traces.
 */
import type { TraceEventRef } from "./traceInsightInput";
import type { UsageCoverage } from "./traceUsage";

/**
 * - `tool-repeat`: the same tool called with the same or near-same arguments (see
 *   `toolArgumentsKey`), from tool spans, or from generations' requested calls for tools that have
 *   no spans;
 * - `generation-repeat`: the same model called with exactly the same input (retries, re-asks);
 * - `sequence-repeat`: the same span-name block repeating back to back among siblings (period k).
 */
export type TraceLoopKind = "tool-repeat" | "generation-repeat" | "sequence-repeat";

/**
 * How the repeats ended: `retry` when the earlier ones errored and the last did not, `failing` when
 * every one errored, `loop` otherwise.
 */
export type TraceLoopPattern = "loop" | "retry" | "failing";

/** One event taking part in a loop. */
export interface TraceLoopEvent extends TraceEventRef {
  /** 0-based repeat (block) number. */
  iteration: number;
  /** The node itself reported an error. */
  errored: boolean;
}

/** What the loop's events took, counting each subtree once even where they nest. */
export interface TraceLoopFigures {
  /** USD reported within the events' subtrees; `null` when none reported (see `coverage`). */
  cost: number | null;
  coverage: UsageCoverage;
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  /** Sum of the events' own `$ai_latency`, seconds; `null` when untimed. */
  latency: number | null;
  /** Union of the events' extents, seconds; `null` when untimed. */
  wallTime: number | null;
  /** Errors in the events' subtrees. */
  errorCount: number;
}

/** A detected loop. */
export interface TraceLoop {
  kind: TraceLoopKind;
  traceId: string | null;
  /** Tool name, model, or the block's names joined with " → ". */
  label: string;
  /** The repeated names (one for tool and generation repeats). */
  block: string[];
  /** Block length (1 for tool and generation repeats). */
  period: number;
  /** How many times the block occurred. */
  repeats: number;
  /** Tool/generation repeats: `exact` when every call had the same arguments/input, `near` when only near-same; sequences: `null`. */
  match: "exact" | "near" | null;
  pattern: TraceLoopPattern;
  /** Some consecutive repeats overlapped in time (fan-out of the same call, not a cycle). */
  parallel: boolean;
  /**
   * Key of the node the loop happens under: the parent whose children repeat (sequence repeats),
   * or the closest node containing every call; the root's key at the top of the trace.
   */
  parentKey: string;
  events: TraceLoopEvent[];
  figures: TraceLoopFigures;
  /** One sentence for a tooltip, e.g. "read_file called 5 times with the same arguments (0.20 s, no LLM cost inside)". */
  description: string;
}

/** Options of `detectTraceLoops`. */
export interface TraceLoopOptions {
  /** Repeats needed to report a loop (a retry or failing series needs only 2). @default 3 */
  minRepeats?: number;
  /** Longest block a sequence repeat may have. @default 4 */
  maxPeriod?: number;
  /** Which kinds to look for. @default all three */
  kinds?: readonly TraceLoopKind[];
  /** Locale for the numbers in `description`. */
  locale?: string;
}
