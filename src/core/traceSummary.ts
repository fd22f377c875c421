/**
 * Builds PostHog-style `LLMTrace` objects from raw `$ai_*` events, for hosts that hold events
 * rather than TracesQuery results (exports, the PostHog-LLM normalizer, tests).
 */
import { isErroredProperties, readId, readNumber, readString } from "./eventsAccess";
import type { LLMTrace } from "./eventsTrace";
import { toTraceRecord, type TraceRecord } from "./traceEvents";
import { postHogTotalLatency, roundTo } from "./traceMetrics";
import { reportedUsage } from "./traceUsage";

function byTime(a: TraceRecord, b: TraceRecord): number {
  const at = a.timestampMs ?? Number.POSITIVE_INFINITY;
  const bt = b.timestampMs ?? Number.POSITIVE_INFINITY;
  return at === bt ? a.ordinal - b.ordinal : at < bt ? -1 : 1;
}

function recordsOf(events: readonly unknown[]): TraceRecord[] {
  const records: TraceRecord[] = [];
  events.forEach((raw, i) => {
    try {
      const record = toTraceRecord(raw, i);
      if (record) records.push(record);
    } catch {
      // Unreadable items are ignored, as in buildTraceTree.
    }
  });
  return records.sort(byTime);
}

function summarizeRecords(records: readonly TraceRecord[], traceId: string): LLMTrace {
  let inputTokens = 0;
  let outputTokens = 0;
  let inputCost = 0;
  let outputCost = 0;
  let totalCost = 0;
  let errorCount = 0;
  for (const record of records) {
    if (record.kind === "generation" || record.kind === "embedding") {
      const p = record.properties;
      inputTokens += readNumber(p.$ai_input_tokens) ?? 0;
      outputTokens += readNumber(p.$ai_output_tokens) ?? 0;
      const inCost = readNumber(p.$ai_input_cost_usd) ?? 0;
      const outCost = readNumber(p.$ai_output_cost_usd) ?? 0;
      inputCost += inCost;
      outputCost += outCost;
      totalCost += readNumber(p.$ai_total_cost_usd) ?? inCost + outCost;
    }
    if (record.kind !== "evaluation" && isErroredProperties(record.properties)) errorCount++;
  }
  const traceEvent = records.find((record) => record.kind === "trace");
  // The `$ai_trace` event's own figures are the trace's (SDK aggregates such as total_cost_usd).
  const onTrace = traceEvent ? reportedUsage(traceEvent.properties) : null;
  if (onTrace?.cost) {
    totalCost = onTrace.cost.total;
    if (onTrace.cost.input !== null) inputCost = onTrace.cost.input;
    if (onTrace.cost.output !== null) outputCost = onTrace.cost.output;
  }
  if (onTrace?.tokens) {
    inputTokens = onTrace.tokens.input ?? 0;
    outputTokens = onTrace.tokens.output ?? 0;
  }
  const first = records[0];
  const nameOf = (record: TraceRecord | undefined) =>
    record ? readString(record.properties.$ai_span_name) || readString(record.properties.$ai_trace_name) || null : null;
  const sessionRecord = records.find((record) => readId(record.properties.$ai_session_id) !== null);
  const distinctId = first ? readString(first.event.distinct_id) : null;
  const trace: LLMTrace = {
    id: traceId,
    createdAt: first?.event.createdAt ?? "",
    totalLatency: onTrace?.latency != null ? roundTo(onTrace.latency, 2) : postHogTotalLatency(records.map((r) => r.event), traceId).totalLatency,
    inputTokens,
    outputTokens,
    inputCost: roundTo(inputCost, 4),
    outputCost: roundTo(outputCost, 4),
    totalCost: roundTo(totalCost, 4),
    errorCount,
    traceName: nameOf(traceEvent) ?? nameOf(first),
    events: records.filter((record) => record.kind !== "trace").map((record) => record.event),
  };
  if (onTrace && (onTrace.cost || onTrace.tokens || onTrace.latency !== null)) {
    trace.usageReportedOnTrace = { cost: Boolean(onTrace.cost), tokens: Boolean(onTrace.tokens), latency: onTrace.latency !== null };
  }
  if (sessionRecord) trace.aiSessionId = readId(sessionRecord.properties.$ai_session_id);
  if (traceEvent && traceEvent.properties.$ai_input_state !== undefined) trace.inputState = traceEvent.properties.$ai_input_state;
  if (traceEvent && traceEvent.properties.$ai_output_state !== undefined) trace.outputState = traceEvent.properties.$ai_output_state;
  if (distinctId) {
    trace.distinctId = distinctId;
    trace.person = { uuid: "", distinct_id: distinctId, created_at: "", properties: {} };
  }
  return trace;
}

/**
 * One `LLMTrace` from the events of a single trace, with PostHog's totals: tokens and costs over
 * generations and embeddings (costs rounded to 4 dp), `totalLatency` by `postHogTotalLatency`,
 * `createdAt` the earliest timestamp, and `events` every event but `$ai_trace`, by time.
 */
export function summarizeTraceEvents(events: readonly unknown[], traceId?: string): LLMTrace {
  const records = recordsOf(events);
  const id = traceId ?? records.find((record) => record.traceIdProp !== null)?.traceIdProp ?? "";
  return summarizeRecords(records, id);
}

/**
 * Groups events by `$ai_trace_id` (events without one are skipped) into `LLMTrace`s, newest
 * first by last event, then by first event, like TracesQuery.
 */
export function groupEventsIntoTraces(events: readonly unknown[]): LLMTrace[] {
  const groups = new Map<string, TraceRecord[]>();
  for (const record of recordsOf(events)) {
    if (record.traceIdProp === null) continue;
    const group = groups.get(record.traceIdProp);
    if (group) group.push(record);
    else groups.set(record.traceIdProp, [record]);
  }
  const summaries = [...groups].map(([id, records]) => ({
    trace: summarizeRecords(records, id),
    first: records[0]?.timestampMs ?? Number.NEGATIVE_INFINITY,
    last: records.reduce((max, r) => (r.timestampMs !== null && r.timestampMs > max ? r.timestampMs : max), Number.NEGATIVE_INFINITY),
  }));
  summaries.sort((a, b) => b.last - a.last || b.first - a.first);
  return summaries.map((summary) => summary.trace);
}
