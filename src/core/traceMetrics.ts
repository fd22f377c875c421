/**
 * Per-node and per-trace figures: tokens, costs, errors and PostHog's total-latency rule (self
 * time and the other times are in traceTimes.ts).
 */
import { isErroredProperties, isPropertyBag, readId, readNumber, type PropertyBag } from "./eventsAccess";
import type { TraceRecordKind } from "./traceEvents";
import { reportedUsage } from "./traceUsage";
import type { TraceNodeMetrics, TraceTotals } from "./traceTypes";

/** Rounds half away from zero to `digits` decimals (PostHog rounds latency to 2, costs to 4). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  // Past 2^52 every double is already an integer; scaling would only overflow (a latency of 1e306 s is valid JSON).
  if (!Number.isFinite(value) || Math.abs(value) * factor >= 2 ** 52) return value;
  const rounded = Math.round((Math.abs(value) + Number.EPSILON) * factor) / factor;
  return value < 0 ? -rounded : rounded;
}

function count(properties: PropertyBag, key: string): number {
  const value = readNumber(properties[key]);
  return value !== null && value > 0 ? value : 0;
}

/** Only generations and embeddings carry usage in PostHog's totals. */
export function kindHasUsage(kind: TraceRecordKind): boolean {
  return kind === "generation" || kind === "embedding";
}

/** Own metrics of one event. `latency` is passed in because the caller already validated it. */
export function ownNodeMetrics(kind: TraceRecordKind, properties: PropertyBag, latency: number | null): TraceNodeMetrics {
  const usage = kindHasUsage(kind);
  const inputTokens = usage ? count(properties, "$ai_input_tokens") : 0;
  const outputTokens = usage ? count(properties, "$ai_output_tokens") : 0;
  const inputCost = usage ? count(properties, "$ai_input_cost_usd") : 0;
  const outputCost = usage ? count(properties, "$ai_output_cost_usd") : 0;
  const explicitTotal = readNumber(properties.$ai_total_cost_usd);
  const totalCost = usage ? (explicitTotal !== null && explicitTotal >= 0 ? explicitTotal : inputCost + outputCost) : 0;
  const errored = kind !== "evaluation" && kind !== "metric" && kind !== "feedback" && isErroredProperties(properties);
  const reported = usage ? reportedUsage(properties) : null;
  return {
    latency,
    selfTime: null,
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    cacheReadTokens: usage ? count(properties, "$ai_cache_read_input_tokens") : 0,
    cacheCreationTokens: usage ? count(properties, "$ai_cache_creation_input_tokens") : 0,
    reasoningTokens: usage ? count(properties, "$ai_reasoning_tokens") : 0,
    inputCost,
    outputCost,
    totalCost,
    errorCount: errored ? 1 : 0,
    costReported: reported?.cost != null,
    tokensReported: reported?.tokens != null,
  };
}

/** A zeroed metrics object (synthetic root, annotations). */
export function emptyNodeMetrics(): TraceNodeMetrics {
  return ownNodeMetrics("other", {}, null);
}

/** Totals of a single node before descendants are added. */
export function totalsFromMetrics(kind: TraceRecordKind, metrics: TraceNodeMetrics): TraceTotals {
  return {
    inputTokens: metrics.inputTokens,
    outputTokens: metrics.outputTokens,
    totalTokens: metrics.totalTokens,
    inputCost: metrics.inputCost,
    outputCost: metrics.outputCost,
    totalCost: metrics.totalCost,
    errorCount: metrics.errorCount,
    generationCount: kind === "generation" ? 1 : 0,
    spanCount: kind === "span" ? 1 : 0,
    embeddingCount: kind === "embedding" ? 1 : 0,
    evaluationCount: kind === "evaluation" ? 1 : 0,
    nodeCount: 1,
    costReportedCount: metrics.costReported ? 1 : 0,
    tokensReportedCount: metrics.tokensReported ? 1 : 0,
  };
}

/** `a + b`, held at ±Number.MAX_VALUE: two hostile figures near the float limit must not make a total Infinity. */
export function finiteSum(a: number, b: number): number {
  const sum = a + b;
  return Number.isFinite(sum) || Number.isNaN(sum) ? sum : Math.sign(sum) * Number.MAX_VALUE;
}

/** Adds `child` into `into` (mutates `into`). */
export function addTotals(into: TraceTotals, child: TraceTotals): void {
  // Spelled out: a loop over the key names is a keyed (megamorphic) access per figure, and this runs once per node.
  into.inputTokens = finiteSum(into.inputTokens, child.inputTokens);
  into.outputTokens = finiteSum(into.outputTokens, child.outputTokens);
  into.totalTokens = finiteSum(into.totalTokens, child.totalTokens);
  into.inputCost = finiteSum(into.inputCost, child.inputCost);
  into.outputCost = finiteSum(into.outputCost, child.outputCost);
  into.totalCost = finiteSum(into.totalCost, child.totalCost);
  into.errorCount = finiteSum(into.errorCount, child.errorCount);
  into.generationCount = finiteSum(into.generationCount, child.generationCount);
  into.spanCount = finiteSum(into.spanCount, child.spanCount);
  into.embeddingCount = finiteSum(into.embeddingCount, child.embeddingCount);
  into.evaluationCount = finiteSum(into.evaluationCount, child.evaluationCount);
  into.nodeCount = finiteSum(into.nodeCount, child.nodeCount);
  into.costReportedCount = finiteSum(into.costReportedCount, child.costReportedCount);
  into.tokensReportedCount = finiteSum(into.tokensReportedCount, child.tokensReportedCount);
}

/** Minimal event view the latency rule needs. */
export interface LatencyRuleEvent {
  event: string;
  properties: unknown;
}

/**
 * PostHog's `totalLatency` rule (TracesQuery runner): when every event with a positive
 * `$ai_latency` is a `$ai_generation`, sum the generation latencies; otherwise sum the latencies
 * of events whose `$ai_parent_id` is empty or equals the trace id. `$ai_trace` events are left
 * out because TraceQuery never returns them. Result in seconds, rounded to 2 dp.
 */
export function postHogTotalLatency(
  events: readonly LatencyRuleEvent[],
  traceId: string | null,
): { totalLatency: number; rule: "generations" | "top-level" } {
  let onlyGenerations = true;
  let generationSum = 0;
  let topLevelSum = 0;
  for (const item of events) {
    if (item.event === "$ai_trace") continue;
    const properties = isPropertyBag(item.properties) ? item.properties : {};
    const latency = readNumber(properties.$ai_latency);
    if (latency === null || latency <= 0) continue;
    if (item.event === "$ai_generation") generationSum += latency;
    else onlyGenerations = false;
    const parent = readId(properties.$ai_parent_id);
    if (parent === null || parent === traceId) topLevelSum += latency;
  }
  return onlyGenerations
    ? { totalLatency: roundTo(generationSum, 2), rule: "generations" }
    : { totalLatency: roundTo(topLevelSum, 2), rule: "top-level" };
}
