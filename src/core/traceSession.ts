/**
 * AI sessions: the traces of one conversation, linked by `$ai_session_id`. PostHog-LLM events
 * link them by `$session_id` instead; on other events `$session_id` is posthog-js's web session
 * (a replay id), which says nothing about the conversation, so it is read only there.
 */
import { readId, readTimestampMs } from "./eventsAccess";
import type { LLMTrace, LLMTraceEvent } from "./eventsTrace";
import { isPostHogLlmFeedbackEvent, isPostHogLlmTaskEvent } from "./posthogLlm";
import { finishJob } from "./jobSteps";

function isPostHogLlmEvent(event: LLMTraceEvent): boolean {
  return event.properties?.$ai_lib === "posthog-llm" || isPostHogLlmTaskEvent(event) || isPostHogLlmFeedbackEvent(event);
}

/** The AI session a trace belongs to, or null when it has none. */
export function traceSessionId(trace: LLMTrace): string | null {
  const own = readId(trace.aiSessionId);
  if (own !== null) return own;
  // Host data: a null among the events has no session to tell.
  const events = Array.isArray(trace.events) ? trace.events.filter((event): event is LLMTraceEvent => typeof event === "object" && event !== null) : [];
  for (const event of events) {
    const id = readId(event.properties?.$ai_session_id);
    if (id !== null) return id;
  }
  for (const event of events) {
    if (!isPostHogLlmEvent(event)) continue;
    const id = readId(event.properties?.$session_id);
    if (id !== null) return id;
  }
  return null;
}

function byStartAt(a: { trace: LLMTrace; at: number | null }, b: { trace: LLMTrace; at: number | null }): number {
  const ta = a.at;
  const tb = b.at;
  // Unreadable times go last rather than first: they cannot be placed in the conversation.
  if (ta !== tb) return ta === null ? 1 : tb === null ? -1 : ta - tb;
  return a.trace.id < b.trace.id ? -1 : a.trace.id > b.trace.id ? 1 : 0;
}

/** The traces of one session, oldest first (the order the conversation happened in), each id once. */
export function sessionTraces(traces: readonly LLMTrace[], sessionId: string): LLMTrace[] {
  return finishJob(sessionTracesSteps(traces, sessionId));
}

/** Traces read between two yields of {@link sessionTracesSteps}. */
const SESSION_CHUNK = 2048;

/** {@link sessionTraces} as steps that yield every few thousand traces (20,000 are read in slices). */
export function* sessionTracesSteps(traces: readonly LLMTrace[], sessionId: string): Generator<void, LLMTrace[], void> {
  const seen = new Set<string>();
  const matching: Array<{ trace: LLMTrace; at: number | null }> = [];
  for (let i = 0; i < traces.length; i++) {
    const trace = traces[i]!;
    if (i % SESSION_CHUNK === SESSION_CHUNK - 1) yield;
    if (seen.has(trace.id) || traceSessionId(trace) !== sessionId) continue;
    seen.add(trace.id);
    // Each time read once, not once per comparison: a 20,000-trace session sorts in milliseconds.
    matching.push({ trace, at: readTimestampMs(trace.createdAt) });
  }
  matching.sort(byStartAt);
  yield;
  return matching.map((entry) => entry.trace);
}

/** Traces grouped by session id (oldest first in each group); traces without a session are left out. */
export function groupTracesBySession(traces: readonly LLMTrace[]): Map<string, LLMTrace[]> {
  const groups = new Map<string, LLMTrace[]>();
  for (const trace of traces) {
    const id = traceSessionId(trace);
    if (id === null) continue;
    const group = groups.get(id);
    if (group) group.push(trace);
    else groups.set(id, [trace]);
  }
  for (const [id, group] of groups) groups.set(id, sessionTraces(group, id));
  return groups;
}
