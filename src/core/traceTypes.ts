/**
 * Types of the trace tree built by `buildTraceTree`.
 */
import type { LLMTraceEvent } from "./eventsTrace";
import type { UsageCoverage } from "./traceUsage";

/** What a tree node stands for. `trace` is the root (and any extra `$ai_trace` event). */
export type TraceNodeKind = "trace" | "generation" | "span" | "embedding" | "evaluation" | "other";

/** Own (not aggregated) figures of one node. Times are in seconds. */
export interface TraceNodeMetrics {
  /** `$ai_latency`; for the root, the trace's total latency (PostHog rule). */
  latency: number | null;
  /** Latency not covered by any child's interval; `null` without timing. */
  selfTime: number | null;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  reasoningTokens: number;
  inputCost: number;
  outputCost: number;
  totalCost: number;
  /** 1 when this node errored, else 0. */
  errorCount: number;
  /** A generation/embedding that reported a cost (0 included); false means its cost is unknown, not zero. */
  costReported: boolean;
  /** A generation/embedding that reported input or output tokens. */
  tokensReported: boolean;
}

/** Sums over a node and all its descendants. Tokens and costs count generations and embeddings only. */
export interface TraceTotals {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  inputCost: number;
  outputCost: number;
  totalCost: number;
  errorCount: number;
  generationCount: number;
  spanCount: number;
  embeddingCount: number;
  evaluationCount: number;
  /** Nodes in the subtree, this one included. */
  nodeCount: number;
  /** Generations and embeddings in the subtree that reported a cost / tokens (see `costReported`). */
  costReportedCount: number;
  tokensReportedCount: number;
}

/** `$ai_metric`, `$ai_feedback` and `$ai_evaluation` events that point at a node. */
export interface TraceNodeAnnotations {
  metrics: readonly LLMTraceEvent[];
  feedback: readonly LLMTraceEvent[];
  /** The same events also appear as `evaluation` child nodes. */
  evaluations: readonly LLMTraceEvent[];
}

/** One node of the trace tree. */
export interface TraceTreeNode {
  /** Unique in the tree: the node's own id (`$ai_generation_id` / `$ai_span_id`), else the event id. */
  key: string;
  kind: TraceNodeKind;
  /** `null` only for a synthetic root (no `$ai_trace` event). */
  event: LLMTraceEvent | null;
  /** Display name: span name, then model, then a default per kind. */
  name: string;
  parentKey: string | null;
  children: TraceTreeNode[];
  /** Root is 0. */
  depth: number;
  /** Operation start and end in epoch milliseconds, `null` when the timestamp is missing. */
  startMs: number | null;
  endMs: number | null;
  /**
   * Own interval widened by all descendants' (evaluations excluded), `null` when nothing in the
   * subtree is timed. Lets timelines place untimed wrapper spans.
   */
  extentStartMs: number | null;
  extentEndMs: number | null;
  metrics: TraceNodeMetrics;
  totals: TraceTotals;
  annotations: TraceNodeAnnotations;
  /**
   * The id that selects this node (`selectedEventId`, `onSelectEvent`): its event id, or for an event
   * that reuses an earlier event's id with other content, `id#index` (index: its input position).
   * `null` for a synthetic root and events without an id (select those by `key`).
   */
  eventKey: string | null;
  /** Copies of this event that were dropped as duplicates. */
  duplicateCount: number;
  /** The parent reference pointed at nothing in the trace, so the node hangs under the root. */
  orphan: boolean;
  /** The node was detached from a parent cycle and moved under the root. */
  cycleBroken: boolean;
  onCriticalPath: boolean;
}

/** Trace-wide figures. */
export interface TraceTreeMetrics extends TraceTotals {
  /**
   * The trace's latency: `$ai_latency` of the `$ai_trace` event when it reports one, otherwise
   * PostHog's `totalLatency` rule, rounded to 2 dp (see `postHogTotalLatency`).
   */
  totalLatency: number;
  /** Where `totalLatency` came from: the trace event, or which branch of PostHog's rule applied. */
  latencyRule: "generations" | "top-level" | "trace-event";
  /**
   * Who reported usage. Tokens and costs are the sums over generations and embeddings, unless the
   * `$ai_trace` event reported them (then they are its figures); see `describeCost`.
   */
  coverage: UsageCoverage;
  /** Last end minus first start over all timed nodes, seconds; `null` without timing. */
  wallClockLatency: number | null;
  startMs: number | null;
  endMs: number | null;
  /** Input events kept (after dedupe), annotations included. */
  eventCount: number;
  duplicateCount: number;
  metricCount: number;
  feedbackCount: number;
}

/** Why an event was dropped. */
export type TraceDuplicateReason = "event-id" | "content";

export interface TraceDuplicate {
  event: LLMTraceEvent;
  /** Position of the dropped copy in the input list. */
  index: number;
  /** Key of the node (or annotation target) the kept copy belongs to. */
  keptKey: string;
  reason: TraceDuplicateReason;
}

/** Result of `buildTraceTree`. */
export interface TraceTree {
  traceId: string | null;
  root: TraceTreeNode;
  nodesByKey: ReadonlyMap<string, TraceTreeNode>;
  /** Event UUID → the node that holds it (annotations map to their target). */
  nodesByEventId: ReadonlyMap<string, TraceTreeNode>;
  metrics: TraceTreeMetrics;
  /** Critical-path nodes, parents before children, siblings in time order. */
  criticalPath: readonly TraceTreeNode[];
  duplicates: readonly TraceDuplicate[];
  orphans: readonly TraceTreeNode[];
  brokenCycles: readonly TraceTreeNode[];
  /** Input items that were not objects and were ignored. */
  skippedCount: number;
  /**
   * Everything the builder did to the data beyond placing it: items skipped, copies merged, ids
   * reused by different events, nodes re-parented under the root (missing parent) and parent
   * cycles broken, in input order. Shown to people as TraceDetail's data notes.
   */
  notes: readonly TraceDataNote[];
}

/** What a data note is about. */
export type TraceDataNoteKind = "skipped" | "merged" | "reused-id" | "re-parented" | "cycle-broken";

/** One thing the trace builder did to the input, with the ids involved. */
export interface TraceDataNote {
  kind: TraceDataNoteKind;
  /** Position of the item in the input event list. */
  index: number;
  /** The item's event id; null when it has none or is not an event. */
  eventId: string | null;
  /** The node that shows the item now (for a merged copy, the kept one); null when skipped. */
  nodeKey: string | null;
  /**
   * The other id involved: the kept event (merged), the reused id's key for this event (reused-id),
   * the missing parent (re-parented), the parent reference that closed the cycle (cycle-broken).
   */
  relatedId: string | null;
  /** One plain sentence. */
  message: string;
}

/** Options of `buildTraceTree`. */
export interface BuildTraceTreeOptions {
  /** Overrides the trace id (otherwise `LLMTrace.id`, the first `$ai_trace` event, or the first `$ai_trace_id`). */
  traceId?: string;
  /**
   * Drop at-least-once duplicates (default true): same event UUID; or, for events without a
   * UUID or without `$ai_generation_id`/`$ai_span_id`, same name + timestamp + properties; or a
   * reused node id with identical content. The first copy wins. See `traceDedupe.ts`.
   */
  dedupe?: boolean;
}
