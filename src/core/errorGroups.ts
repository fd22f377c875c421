/**
 * LLM errors grouped by a normalised message, as PostHog's errors tab groups them
 * (products/ai_observability/backend/queries/errors.sql over `$ai_error_normalized`, which PostHog's
 * ingestion computes: nodejs/src/ingestion/ai/errors/normalize-error.ts).
 *
 * Normalisation rules, applied in this order (PostHog's):
 *  1. `req_…` request ids and UUIDs → `<ID>`
 *  2. ISO timestamps with fractional seconds (`2025-11-08T14:25:51.767Z`) → `<TIMESTAMP>`
 *  3. cloud resource paths (`projects/123/locations/…/models/…`) → `projects/<PATH>`
 *  4. `"responseId":"…"` → `"responseId":"<RESPONSE_ID>"`
 *  5. JSON `"id": "…"` fields → `"id": "<ID>"`
 *  6. `tool_call_id='…'` → `tool_call_id='<TOOL_CALL_ID>'`; bare `toolu_…` ids → `<TOOL_ID>`
 *  7. `function call call_…` → `function call call_<CALL_ID>`
 *  8. `user_id…user_…` → keeps the key, `user_<USER_ID>`
 *  9. hex addresses (`0x7f3a…`) → `<OBJECT_ID>`
 * 10. `id='…'` / `id="…"` (any case) → `id='<ID>'`
 * 11. `"tokenCount":N` → `"tokenCount":<TOKEN_COUNT>`
 * 12. numbers of 9+ digits → `<ID>`; 13. every other number → `<N>`
 * 14. runs of whitespace → one space; trimmed; longer than 1000 characters → cut, with "...".
 * An empty result is "Unknown error". A non-string `$ai_error` is JSON text first. An event that
 * already carries `$ai_error_normalized` keeps it (PostHog respects a caller's value).
 * tracelens' optional extra rule (`quotedValues`, off by default so groups match PostHog's): quoted
 * values ('gpt-4o', "abc") → `'<VALUE>'`, so errors that differ only in a quoted name group together.
 */
import { isPropertyBag, readBoolean, readId, safeJsonStringify } from "./eventsAccess";
import type { FlatAiEvent } from "./exploreEvents";

export interface NormalizeErrorOptions {
  /** Also replace quoted values (tracelens' rule; PostHog does not). @default false */
  quotedValues?: boolean;
  /** @default 1000 */
  maxLength?: number;
}

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(req_[a-zA-Z0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi, "<ID>"],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z?/g, "<TIMESTAMP>"],
  [/projects\/[0-9a-z-]+(\/[a-z]+\/[0-9a-z-]+)+/gi, "projects/<PATH>"],
  [/"responseId":"[\w-]+"/g, '"responseId":"<RESPONSE_ID>"'],
  [/"id":\s*"[\w-]+"/g, '"id": "<ID>"'],
  [/tool_call_id=['"][\w-]+['"]/g, "tool_call_id='<TOOL_CALL_ID>'"],
  [/toolu_[a-zA-Z0-9]+/g, "<TOOL_ID>"],
  [/function call call_[a-zA-Z0-9]+/g, "function call call_<CALL_ID>"],
  [/(user_id.{0,4})user_[a-zA-Z0-9]+/g, "$1user_<USER_ID>"],
  [/0x[0-9a-fA-F]+/g, "<OBJECT_ID>"],
  [/id=['"][\w-]+['"]/gi, "id='<ID>'"],
  [/"tokenCount":\s*\d+/g, '"tokenCount":<TOKEN_COUNT>'],
  [/\d{9,}/g, "<ID>"],
  [/\d+/g, "<N>"],
];

/** PostHog's fallback group for an error with no usable message. */
export const UNKNOWN_ERROR = "Unknown error";

/** An error message with ids, times, numbers and hex addresses replaced (rules above). */
export function normalizeErrorMessage(message: string, options: NormalizeErrorOptions = {}): string {
  if (typeof message !== "string" || message === "") return "";
  let text = message;
  if (options.quotedValues) text = text.replace(/'[^'\n]{1,200}'|"[^"\n]{1,200}"(?!\s*:)/g, (quoted) => (/^['"]<[A-Z_]+>['"]$/.test(quoted) ? quoted : `${quoted[0]}<VALUE>${quoted[0]}`));
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  text = text.replace(/\s+/g, " ").trim();
  const max = options.maxLength ?? 1000;
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

/** `$ai_error` as text: strings as they are, anything else as JSON (PostHog stringifies objects). */
export function errorMessageText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return safeJsonStringify(value, String(value));
}

/** Whether an event is an error for the errors tab: `$ai_is_error` true (or "true"). */
export function isErrorEvent(properties: Record<string, unknown>, options: { orMessage?: boolean } = {}): boolean {
  if (readBoolean(properties.$ai_is_error) === true) return true;
  return options.orMessage === true && errorMessageText(properties.$ai_error)?.trim() !== "" && errorMessageText(properties.$ai_error) !== null;
}

/**
 * An error event's group: its own `$ai_error_normalized` when set, else its `$ai_error` normalised, else
 * "Unknown error" (what PostHog's ingestion stores).
 */
export function errorGroupKey(properties: Record<string, unknown>, options: NormalizeErrorOptions = {}): string {
  const own = properties.$ai_error_normalized;
  if (typeof own === "string" && own !== "" && !options.quotedValues) return own;
  const text = errorMessageText(properties.$ai_error);
  return (text === null ? "" : normalizeErrorMessage(text, options)) || UNKNOWN_ERROR;
}

/**
 * An event property as PostHog stores it after ingestion: `$ai_error_normalized` on an error event that
 * never went through PostHog (host data) is computed as ingestion would have set it; any other property
 * is read as it is.
 */
export function ingestedProperty(properties: Record<string, unknown> | null | undefined, key: string): unknown {
  const value = properties?.[key];
  if (key !== "$ai_error_normalized" || (value !== undefined && value !== null) || !properties || readBoolean(properties.$ai_is_error) !== true) return value;
  return errorGroupKey(properties);
}

/** The four event kinds the errors query reads. */
export const ERROR_QUERY_EVENTS: readonly string[] = ["$ai_generation", "$ai_span", "$ai_trace", "$ai_embedding"];

export interface ErrorGroup {
  /** The normalised message. */
  error: string;
  /** A raw message of the group (the latest), for a tooltip; local only. */
  example?: string | null;
  /** Distinct traces, sessions and users (distinct ids) with this error. */
  traces: number;
  sessions: number;
  users: number;
  /**
   * Error events by kind; `occurrences` is generations + spans + embeddings (PostHog's query counts these
   * three; an error on the `$ai_trace` event itself shows in `traces` only).
   */
  generations: number;
  spans: number;
  embeddings: number;
  occurrences: number;
  /** Distinct UTC days with this error. */
  daysSeen: number;
  firstSeen: string;
  lastSeen: string;
  /** Some trace ids with this error, newest first (at most 20), for a click-through; local only. */
  traceIds?: string[];
}

export const ERROR_SORT_COLUMNS = ["error", "traces", "generations", "spans", "embeddings", "sessions", "users", "days_seen", "first_seen", "last_seen"] as const;
export type ErrorSortColumn = (typeof ERROR_SORT_COLUMNS)[number];
export interface ErrorSort {
  column: ErrorSortColumn;
  direction: "ASC" | "DESC";
}
/** PostHog's default: errors in the most traces first. */
export const DEFAULT_ERROR_SORT: ErrorSort = { column: "traces", direction: "DESC" };

export interface ErrorGroupOptions extends NormalizeErrorOptions {
  /** Count events with an `$ai_error` but no `$ai_is_error` too (PostHog's older errors tab did). @default false */
  orMessage?: boolean;
}

/** Error groups from events already through the query's `{filters}` (other kinds and non-errors are ignored). */
export function groupErrors(events: Iterable<FlatAiEvent>, options: ErrorGroupOptions = {}): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup & { traceSet: Set<string>; sessionSet: Set<string>; userSet: Set<string>; daySet: Set<number>; first: number; last: number; traceTimes: Map<string, number> }>();
  for (const event of events) {
    if (!ERROR_QUERY_EVENTS.includes(event.event) || !isPropertyBag(event.properties) || !isErrorEvent(event.properties, options)) continue;
    const key = errorGroupKey(event.properties, options);
    let g = groups.get(key);
    if (!g) {
      g = { error: key, example: null, traces: 0, sessions: 0, users: 0, generations: 0, spans: 0, embeddings: 0, occurrences: 0, daysSeen: 0, firstSeen: "", lastSeen: "", traceSet: new Set(), sessionSet: new Set(), userSet: new Set(), daySet: new Set(), first: event.at, last: event.at, traceTimes: new Map() };
      groups.set(key, g);
    }
    const traceId = readId(event.properties.$ai_trace_id);
    if (traceId) {
      g.traceSet.add(traceId);
      g.traceTimes.set(traceId, Math.max(g.traceTimes.get(traceId) ?? -Infinity, event.at));
    }
    const sessionId = readId(event.properties.$ai_session_id);
    if (sessionId) g.sessionSet.add(sessionId);
    g.userSet.add(event.distinctId);
    g.daySet.add(Math.floor(event.at / 86_400_000));
    if (event.event !== "$ai_trace") g.occurrences += 1;
    if (event.event === "$ai_generation") g.generations += 1;
    if (event.event === "$ai_span") g.spans += 1;
    if (event.event === "$ai_embedding") g.embeddings += 1;
    if (event.at >= g.last) g.example = errorMessageText(event.properties.$ai_error);
    g.first = Math.min(g.first, event.at);
    g.last = Math.max(g.last, event.at);
  }
  return [...groups.values()].map(({ traceSet, sessionSet, userSet, daySet, first, last, traceTimes, ...group }) => ({
    ...group,
    traces: traceSet.size,
    sessions: sessionSet.size,
    users: userSet.size,
    daysSeen: daySet.size,
    firstSeen: new Date(first).toISOString(),
    lastSeen: new Date(last).toISOString(),
    traceIds: [...traceTimes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map(([id]) => id),
  }));
}

function errorSortValue(group: ErrorGroup, column: ErrorSortColumn): number | string {
  switch (column) {
    case "error":
      return group.error;
    case "days_seen":
      return group.daysSeen;
    case "first_seen":
      return Date.parse(group.firstSeen);
    case "last_seen":
      return Date.parse(group.lastSeen);
    default:
      return group[column];
  }
}

/** Groups in `ORDER BY column direction` order; ties by message, so pages never overlap. */
export function sortErrorGroups(groups: readonly ErrorGroup[], sort: ErrorSort = DEFAULT_ERROR_SORT): ErrorGroup[] {
  const sign = sort.direction === "ASC" ? 1 : -1;
  return [...groups].sort((a, b) => {
    const left = errorSortValue(a, sort.column);
    const right = errorSortValue(b, sort.column);
    const diff = typeof left === "number" && typeof right === "number" ? left - right : String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
    if (diff !== 0) return sign * diff;
    return a.error < b.error ? -1 : a.error > b.error ? 1 : 0;
  });
}

export function isErrorSortColumn(value: unknown): value is ErrorSortColumn {
  return typeof value === "string" && (ERROR_SORT_COLUMNS as readonly string[]).includes(value);
}
