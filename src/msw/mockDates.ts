/**
 * The date windows PostHog searches when it finds stored events, each from the file that sets it.
 * All in UTC (the mock's team timezone). These are the rules that make a lookup by id come back
 * empty for an old trace unless the request carries a window that holds it.
 */
import { traceDateBoundMs } from "../core/filterDates";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** F-Q6: posthog/utils.py DEFAULT_DATE_FROM_DAYS. */
export const DEFAULT_DATE_FROM_DAYS = 7;
/** F-Q5: TraceQueryDateRange / TracesQueryDateRange CAPTURE_RANGE_MINUTES. */
export const CAPTURE_RANGE_MINUTES = 10;
/** F-S2/F-S3: posthog/temporal/ai_observability/sentiment/constants.py QUERY_LOOKBACK_DAYS. */
export const SENTIMENT_LOOKBACK_DAYS = 7;
/** F-M2: summarization.py's `date_from or "-30d"` for lookups by id. */
export const SUMMARIZATION_DEFAULT_DATE_FROM = "-30d";
/** events_query_runner.py: `after = self.query.after or "-24h"`. */
export const EVENTS_QUERY_DEFAULT_AFTER = "-24h";

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function endOfUtcDay(ms: number): number {
  return startOfUtcDay(ms) + DAY - 1;
}

/**
 * A date bound as the mock reads it: core's `traceDateBoundMs`, the one rule tracelens' local client and
 * this mock share. posthog/utils.py relative_date_parse without rounding (TracesQuery's QueryDateRange
 * works at MINUTE interval, so `always_truncate` is off): `-7d` is exactly 7 days back, `-1q` 13 weeks,
 * months move on the calendar with the day clamped (dateutil); `dStart`/`mStart`/`yStart` at midnight;
 * ISO dates in UTC. `null` when the text is none of these.
 */
export function parsePostHogDate(value: string, now: number): number | null {
  return traceDateBoundMs(value, now);
}

/** A resolved window: `from` null means "all" (from the team's first event). Both inclusive. */
export interface DateWindow {
  from: number | null;
  to: number;
}

export type WindowResult = { ok: true; window: DateWindow } | { ok: false; field: "date_from" | "date_to"; value: string };

/**
 * F-Q6 (posthog/hogql_queries/utils/query_date_range.py QueryDateRange): no `date_from` → start of
 * today minus 7 days; "all" → no lower bound; `date_to` missing → now. For the day-interval runners
 * `date_to` is the end of its day.
 */
export function queryDateRange(range: { date_from?: string | null; date_to?: string | null } | null | undefined, now: number): WindowResult {
  let from: number | null;
  const rawFrom = range?.date_from;
  if (rawFrom === "all") from = null;
  else if (typeof rawFrom === "string") {
    const parsed = parsePostHogDate(rawFrom, now);
    if (parsed === null) return { ok: false, field: "date_from", value: rawFrom };
    from = parsed;
  } else from = startOfUtcDay(now) - DEFAULT_DATE_FROM_DAYS * DAY;
  let to = now;
  const rawTo = range?.date_to;
  if (typeof rawTo === "string" && rawTo !== "") {
    const parsed = parsePostHogDate(rawTo, now);
    if (parsed === null) return { ok: false, field: "date_to", value: rawTo };
    to = /^\d{4}-\d{2}-\d{2}$/.test(rawTo.trim()) ? endOfUtcDay(parsed) : parsed;
  }
  return { ok: true, window: { from, to } };
}

/**
 * F-Q5 (posthog/hogql_queries/ai/trace_query_runner.py, traces_query_runner.py): the SQL reads
 * events 10 minutes either side of the window, then a trace whose first timestamp (among the events
 * read) lies outside the window itself is dropped.
 */
export function captureRange(window: DateWindow): DateWindow {
  return { from: window.from === null ? null : window.from - CAPTURE_RANGE_MINUTES * MINUTE, to: window.to + CAPTURE_RANGE_MINUTES * MINUTE };
}

export function inWindow(at: number, window: DateWindow): boolean {
  return (window.from === null || at >= window.from) && at <= window.to;
}

/**
 * F-S3 (posthog/temporal/.../sentiment/utils.py resolve_date_bounds): a missing or unparseable
 * `date_from` falls back to now minus 7 days, silently; `date_to` likewise to now. Generations are
 * read with `timestamp >= date_from`.
 */
export function sentimentBounds(dateFrom: unknown, dateTo: unknown, now: number): DateWindow {
  const from = typeof dateFrom === "string" ? parsePostHogDate(dateFrom, now) : null;
  const to = typeof dateTo === "string" ? parsePostHogDate(dateTo, now) : null;
  return { from: from ?? now - SENTIMENT_LOOKBACK_DAYS * DAY, to: to ?? now };
}

/** F-M2: summarization looks ids up in `QueryDateRange(date_from or "-30d", date_to)`. */
export function summarizationRange(dateFrom: unknown, dateTo: unknown, now: number): WindowResult {
  return queryDateRange(
    { date_from: typeof dateFrom === "string" && dateFrom !== "" ? dateFrom : SUMMARIZATION_DEFAULT_DATE_FROM, date_to: typeof dateTo === "string" ? dateTo : null },
    now,
  );
}

/**
 * events_query_runner.py: `timestamp > after` (default "-24h"; "all" drops the bound) and
 * `timestamp < before` (default now + 5 s). Both strict.
 */
export function eventsQueryBounds(after: unknown, before: unknown, now: number): { after: number | null; before: number } | { error: string } {
  const rawAfter = typeof after === "string" && after !== "" ? after : EVENTS_QUERY_DEFAULT_AFTER;
  let lower: number | null = null;
  if (rawAfter !== "all") {
    lower = parsePostHogDate(rawAfter, now);
    if (lower === null) return { error: `after: unreadable date ${JSON.stringify(rawAfter)}` };
  }
  let upper = now + 5_000;
  if (typeof before === "string" && before !== "") {
    const parsed = parsePostHogDate(before, now);
    if (parsed === null) return { error: `before: unreadable date ${JSON.stringify(before)}` };
    upper = parsed;
  }
  return { after: lower, before: upper };
}
