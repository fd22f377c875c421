/**
 * Normalizer for the older PostHog-LLM schema (the `postlang/posthog-llm` fork): `llm-*` task
 * events with `$llm_input` / `$llm_output`, conversations linked by `$session_id`, and thumbs
 * feedback sent as separate events. Output is the `$ai_*` model every tracelens component reads.
 *
 * Mapping of a task event (`llm-task`, or any `llm-*` event with `$llm_input` or `$llm_output`):
 * - event → `$ai_generation`; `id` ← `id` ?? `uuid` ?? `posthog-llm-<position>`;
 *   `createdAt` ← `timestamp` ?? `createdAt`; `distinct_id` kept; every original property kept.
 * - `$ai_input` ← `$llm_input`: a string becomes `[{role: "user", content}]` (a ChatML token
 *   string becomes its turns); a ChatML list keeps its items with roles mapped
 *   (`agent`/`bot`/`ai` → `assistant`, `human` → `user`).
 * - `$ai_output_choices` ← `$llm_output`, the same way with role `assistant`.
 * - `$ai_session_id` ← `$session_id`. `$ai_trace_id`: the session id (option `traceBy: "session"`,
 *   the default: one trace per conversation) or the task id (`traceBy: "task"`); tasks without a
 *   session are their own trace. `$ai_generation_id` ← the task id; `$ai_parent_id` ← the trace id.
 * - Chosen property names (PostHog-LLM has no fixed ones), used only when the `$ai_*` key is
 *   absent: `$ai_model` ← `$llm_model` ?? `model`; `$ai_provider` ← `$llm_provider` ?? `provider`;
 *   `$ai_latency` (seconds) ← `$llm_latency` ?? `latency` ?? `generation_time`;
 *   `$ai_input_tokens` ← `$llm_input_tokens` ?? `input_tokens` ?? `prompt_tokens`;
 *   `$ai_output_tokens` ← `$llm_output_tokens` ?? `output_tokens` ?? `completion_tokens`;
 *   `$ai_span_name` ← the event name when it is not `llm-task`; `$ai_lib` ← `"posthog-llm"`.
 *
 * Mapping of a feedback event (names `llm-feedback`, `llm-thumbs`, `llm-thumbs-up`,
 * `llm-thumbs-down`, `llm-rating`, with or without the `llm-` prefix, or an `llm-*` event with
 * `$llm_feedback` and no input/output):
 * - event → `$ai_feedback`; rating from the name suffix (`-up`/`-down`) or the first of
 *   `$llm_feedback`, `$llm_thumbs`, `$llm_rating`, `thumbs`, `feedback`, `rating` (words such as
 *   up/down/👍/👎, booleans, signed numbers); comment from `$llm_feedback_text`, `$llm_comment`,
 *   `feedback_text`, `comment`.
 * - `$ai_feedback_text` ← the comment, else `"thumbs up"` / `"thumbs down"`;
 *   `$ai_feedback_score` ← `1` / `-1` (a tracelens property name).
 * - Target task: `$llm_task_id` when given, else the latest task of the same `$session_id` at or
 *   before the feedback, else the session's first task. The feedback takes the target's trace id
 *   and `$ai_parent_id` ← its generation id, so the trace tree attaches it to that generation.
 *
 * `$ai_*` events already present pass through; other events are dropped.
 */
import { isPropertyBag, readId, readNumber, readString, readTimestampMs, type PropertyBag } from "./eventsAccess";
import type { LLMTrace, LLMTraceEvent } from "./eventsTrace";
import { isAiEventName } from "./eventsProperties";
import { posthogLlmMessages } from "./posthogLlmChatml";
import { isPostHogLlmFeedbackEvent, readFeedback } from "./posthogLlmFeedback";
import { groupEventsIntoTraces } from "./traceSummary";

export { isPostHogLlmFeedbackEvent } from "./posthogLlmFeedback";
export { parseChatMlString } from "./posthogLlmChatml";

/** Options of {@link normalizePostHogLlmEvents}. */
export interface PostHogLlmNormalizeOptions {
  /** `"session"` (default): one trace per `$session_id`; `"task"`: one trace per task. */
  traceBy?: "session" | "task";
}

interface Task {
  id: string;
  traceId: string;
  sessionId: string | null;
  timeMs: number | null;
}

/** Whether a raw event is a PostHog-LLM task (an `llm-*` event with `$llm_input` or `$llm_output`). */
export function isPostHogLlmTaskEvent(raw: unknown): boolean {
  if (!isPropertyBag(raw) || typeof raw.event !== "string" || !/^llm[-_]/i.test(raw.event)) return false;
  if (isPostHogLlmFeedbackEvent(raw)) return false;
  const properties = isPropertyBag(raw.properties) ? raw.properties : {};
  return properties.$llm_input !== undefined || properties.$llm_output !== undefined;
}

function first(properties: PropertyBag, keys: readonly string[], read: (v: unknown) => unknown): unknown {
  for (const key of keys) {
    const value = read(properties[key]);
    if (value !== null && value !== undefined && value !== "") return value;
  }
  return undefined;
}

function setIfAbsent(target: PropertyBag, key: string, value: unknown): void {
  if (value !== undefined && target[key] === undefined) target[key] = value;
}

function isoFromEpoch(value: unknown): string {
  const ms = typeof value === "number" ? readTimestampMs(value) : null;
  if (ms === null) return "";
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : "";
}

function baseEvent(raw: PropertyBag, position: number, name: string, properties: PropertyBag): LLMTraceEvent {
  const createdAt = raw.timestamp ?? raw.createdAt;
  const event: LLMTraceEvent = {
    id: readId(raw.id) ?? readId(raw.uuid) ?? `posthog-llm-${position}`,
    event: name,
    createdAt: typeof createdAt === "string" ? createdAt : isoFromEpoch(createdAt),
    properties,
  };
  const distinctId = readString(raw.distinct_id) ?? readString(properties.distinct_id);
  if (distinctId) event.distinct_id = distinctId;
  return event;
}

function taskEvent(raw: PropertyBag, position: number, traceBy: "session" | "task"): { event: LLMTraceEvent; task: Task } {
  const source = isPropertyBag(raw.properties) ? raw.properties : {};
  const properties: PropertyBag = { ...source };
  const event = baseEvent(raw, position, "$ai_generation", properties);
  const sessionId = readId(source.$session_id);
  const traceId = readId(source.$ai_trace_id) ?? (traceBy === "session" && sessionId !== null ? sessionId : event.id);
  setIfAbsent(properties, "$ai_trace_id", traceId);
  setIfAbsent(properties, "$ai_session_id", sessionId ?? undefined);
  setIfAbsent(properties, "$ai_generation_id", event.id);
  setIfAbsent(properties, "$ai_parent_id", traceId);
  setIfAbsent(properties, "$ai_input", posthogLlmMessages(source.$llm_input, "user"));
  setIfAbsent(properties, "$ai_output_choices", posthogLlmMessages(source.$llm_output, "assistant"));
  setIfAbsent(properties, "$ai_model", first(source, ["$llm_model", "model"], readString));
  setIfAbsent(properties, "$ai_provider", first(source, ["$llm_provider", "provider"], readString));
  setIfAbsent(properties, "$ai_latency", first(source, ["$llm_latency", "latency", "generation_time"], readNumber));
  setIfAbsent(properties, "$ai_input_tokens", first(source, ["$llm_input_tokens", "input_tokens", "prompt_tokens"], readNumber));
  setIfAbsent(properties, "$ai_output_tokens", first(source, ["$llm_output_tokens", "output_tokens", "completion_tokens"], readNumber));
  if (typeof raw.event === "string" && raw.event.toLowerCase() !== "llm-task") setIfAbsent(properties, "$ai_span_name", raw.event);
  setIfAbsent(properties, "$ai_lib", "posthog-llm");
  const traceIdFinal = readId(properties.$ai_trace_id) ?? traceId;
  return { event, task: { id: event.id, traceId: traceIdFinal, sessionId, timeMs: readTimestampMs(event.createdAt) } };
}

/** Latest task of the session at or before `timeMs`, else the session's first task. */
function targetTask(sessionTasks: readonly Task[] | undefined, timeMs: number | null): Task | undefined {
  if (!sessionTasks || sessionTasks.length === 0) return undefined;
  if (timeMs === null) return sessionTasks[sessionTasks.length - 1];
  let best: Task | undefined;
  for (const task of sessionTasks) if (task.timeMs !== null && task.timeMs <= timeMs) best = task;
  return best ?? sessionTasks[0];
}

function feedbackEvent(raw: PropertyBag, position: number, tasks: ReadonlyMap<string, Task>, bySession: ReadonlyMap<string, Task[]>, traceBy: "session" | "task"): LLMTraceEvent {
  const source = isPropertyBag(raw.properties) ? raw.properties : {};
  const properties: PropertyBag = { ...source };
  const event = baseEvent(raw, position, "$ai_feedback", properties);
  const sessionId = readId(source.$session_id);
  const explicit = readId(source.$llm_task_id);
  const target = (explicit !== null ? tasks.get(explicit) : undefined) ?? (sessionId !== null ? targetTask(bySession.get(sessionId), readTimestampMs(event.createdAt)) : undefined);
  const traceId = target?.traceId ?? (traceBy === "session" && sessionId !== null ? sessionId : event.id);
  const { rating, comment } = readFeedback(typeof raw.event === "string" ? raw.event : "", source);
  setIfAbsent(properties, "$ai_trace_id", traceId);
  setIfAbsent(properties, "$ai_session_id", sessionId ?? undefined);
  if (target) setIfAbsent(properties, "$ai_parent_id", target.id);
  setIfAbsent(properties, "$ai_feedback_text", comment ?? (rating === 1 ? "thumbs up" : rating === -1 ? "thumbs down" : undefined));
  if (rating !== null) setIfAbsent(properties, "$ai_feedback_score", rating);
  return event;
}

/**
 * Converts PostHog-LLM events (see the module comment for the mapping) into `$ai_*` events,
 * keeping input order. Never throws; non-object items and unrelated events are dropped.
 */
export function normalizePostHogLlmEvents(events: readonly unknown[], options: PostHogLlmNormalizeOptions = {}): LLMTraceEvent[] {
  const traceBy = options.traceBy ?? "session";
  const list = Array.isArray(events) ? events : [];
  const converted: Array<LLMTraceEvent | null> = list.map(() => null);
  const tasks = new Map<string, Task>();
  const bySession = new Map<string, Task[]>();
  list.forEach((raw, position) => {
    try {
      if (!isPostHogLlmTaskEvent(raw)) return;
      const { event, task } = taskEvent(raw as PropertyBag, position, traceBy);
      converted[position] = event;
      if (!tasks.has(task.id)) tasks.set(task.id, task);
      if (task.sessionId !== null) {
        const sessionTasks = bySession.get(task.sessionId);
        if (sessionTasks) sessionTasks.push(task);
        else bySession.set(task.sessionId, [task]);
      }
    } catch {
      converted[position] = null;
    }
  });
  for (const sessionTasks of bySession.values()) sessionTasks.sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0));
  list.forEach((raw, position) => {
    try {
      if (converted[position] !== null || !isPropertyBag(raw)) return;
      if (isPostHogLlmFeedbackEvent(raw)) converted[position] = feedbackEvent(raw, position, tasks, bySession, traceBy);
      else if (isAiEventName(raw.event)) converted[position] = baseEvent(raw, position, raw.event, isPropertyBag(raw.properties) ? raw.properties : {});
    } catch {
      converted[position] = null;
    }
  });
  return converted.filter((event): event is LLMTraceEvent => event !== null);
}

/** {@link normalizePostHogLlmEvents} grouped into `LLMTrace`s (newest first), ready for list components. */
export function postHogLlmTraces(events: readonly unknown[], options: PostHogLlmNormalizeOptions = {}): LLMTrace[] {
  return groupEventsIntoTraces(normalizePostHogLlmEvents(events, options));
}
