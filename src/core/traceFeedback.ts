/**
 * `$ai_feedback` and `$ai_metric` events of a trace as items a header or a tree row can show.
 * The tree already attaches them to their target node (`TraceTreeNode.annotations`, by
 * `$ai_parent_id`, else the root); this reads their fields and lists them in time order.
 */
import { isPropertyBag, readNumber, readString, readTimestampMs, safeJsonStringify } from "./eventsAccess";
import type { LLMTraceEvent } from "./eventsTrace";
import { readThumbsRating, type ThumbsRating } from "./posthogLlmFeedback";
import { asTraceTree, traceNodesPreOrder, type TraceEventRef, type TraceInsightInput } from "./traceInsightInput";
import type { TraceTree, TraceTreeNode } from "./traceTypes";

/** An `$ai_feedback` event. */
export interface TraceFeedbackItem {
  kind: "feedback";
  event: TraceEventRef;
  /** Key of the node it is attached to (the root's key when it names no event). */
  targetKey: string;
  /** `$ai_feedback_text`; `null` when empty or not text. */
  text: string | null;
  /** 1 / -1 only when the text itself is a rating ("👍", "thumbs_down", "1", …); else `null`. */
  rating: ThumbsRating | null;
  createdAt: string;
}

/** An `$ai_metric` event. */
export interface TraceMetricItem {
  kind: "metric";
  event: TraceEventRef;
  targetKey: string;
  /** `$ai_metric_name`, or "metric". */
  name: string;
  /** `$ai_metric_value` as sent. */
  value: unknown;
  /** The value as a number when it is one (or a numeric string). */
  numericValue: number | null;
  /** The value in words (JSON for objects, cut at 200 characters). */
  text: string;
  createdAt: string;
}

/** Feedback and metrics of a trace, in time order, and per node. */
export interface TraceFeedbackAndMetrics {
  feedback: TraceFeedbackItem[];
  metrics: TraceMetricItem[];
  /** Node key → the items attached to it. */
  byNodeKey: ReadonlyMap<string, { feedback: TraceFeedbackItem[]; metrics: TraceMetricItem[] }>;
}

function props(event: LLMTraceEvent): Record<string, unknown> {
  return isPropertyBag(event.properties) ? event.properties : {};
}

/** The annotation event's own id, with the node that shows it (its target). */
function ref(tree: TraceTree, event: LLMTraceEvent, target: TraceTreeNode): TraceEventRef {
  const id = typeof event.id === "string" && event.id !== "" ? event.id : null;
  return { traceId: tree.traceId, eventId: id, nodeKey: target.key, eventKey: target.eventKey ?? null };
}

function valueText(value: unknown): string {
  const text = typeof value === "string" ? value : value === undefined ? "" : safeJsonStringify(value, String(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Reads one `$ai_feedback` event. */
export function readFeedbackEvent(tree: TraceTree, event: LLMTraceEvent, target: TraceTreeNode): TraceFeedbackItem {
  const text = readString(props(event).$ai_feedback_text);
  const trimmed = text?.trim() ?? "";
  return {
    kind: "feedback",
    event: ref(tree, event, target),
    targetKey: target.key,
    text: trimmed === "" ? null : (text as string),
    rating: trimmed === "" ? null : readThumbsRating(trimmed),
    createdAt: typeof event.createdAt === "string" ? event.createdAt : "",
  };
}

/** Reads one `$ai_metric` event. */
export function readMetricEvent(tree: TraceTree, event: LLMTraceEvent, target: TraceTreeNode): TraceMetricItem {
  const p = props(event);
  const value = p.$ai_metric_value;
  return {
    kind: "metric",
    event: ref(tree, event, target),
    targetKey: target.key,
    name: readString(p.$ai_metric_name)?.trim() || "metric",
    value,
    numericValue: typeof value === "boolean" ? null : readNumber(value),
    text: valueText(value),
    createdAt: typeof event.createdAt === "string" ? event.createdAt : "",
  };
}

function byTime<T extends { createdAt: string }>(items: T[]): T[] {
  const order = new Map(items.map((item, i) => [item, i]));
  const time = (item: T) => readTimestampMs(item.createdAt) ?? Number.POSITIVE_INFINITY;
  return items.sort((a, b) => time(a) - time(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** Every `$ai_feedback` and `$ai_metric` of a trace. Never throws. */
export function traceFeedbackAndMetrics(trace: TraceInsightInput): TraceFeedbackAndMetrics {
  const tree = asTraceTree(trace);
  const feedback: TraceFeedbackItem[] = [];
  const metrics: TraceMetricItem[] = [];
  const byNodeKey = new Map<string, { feedback: TraceFeedbackItem[]; metrics: TraceMetricItem[] }>();
  for (const node of traceNodesPreOrder(tree)) {
    const { annotations } = node;
    if (annotations.feedback.length === 0 && annotations.metrics.length === 0) continue;
    const entry = { feedback: annotations.feedback.map((e) => readFeedbackEvent(tree, e, node)), metrics: annotations.metrics.map((e) => readMetricEvent(tree, e, node)) };
    byNodeKey.set(node.key, { feedback: byTime(entry.feedback), metrics: byTime(entry.metrics) });
    feedback.push(...entry.feedback);
    metrics.push(...entry.metrics);
  }
  return { feedback: byTime(feedback), metrics: byTime(metrics), byNodeKey };
}
