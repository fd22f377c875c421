/**
 * Per-error counts over time, for sparklines: the buckets of a PostHog trends query (QueryDateRange at
 * day or hour interval, posthog/hogql_queries/utils/query_date_range.py) and each error group's count in
 * each bucket. PostHog's errors tab draws these with a TrendsQuery broken down by `$ai_error_normalized`.
 */
import type { QueryDateRange } from "./eventsTrace";
import type { FlatAiEvent } from "./exploreEvents";
import { parsePostHogDate, relativeDateMs } from "./filterDates";
import { ERROR_QUERY_EVENTS, errorGroupKey, isErrorEvent, type ErrorGroupOptions } from "./errorGroups";

export type TrendInterval = "hour" | "day";

const HOUR = 3_600_000;
const DAY = 86_400_000;

function floorTo(ms: number, interval: TrendInterval): number {
  return interval === "hour" ? Math.floor(ms / HOUR) * HOUR : Math.floor(ms / DAY) * DAY;
}

function endOf(ms: number, interval: TrendInterval): number {
  return floorTo(ms, interval) + (interval === "hour" ? HOUR : DAY) - 1;
}

/** The bucket starts (epoch ms) of a trends query, and the window they cover. */
export interface TrendWindow {
  interval: TrendInterval;
  from: number;
  to: number;
  starts: number[];
}

/**
 * QueryDateRange for a trends query: `date_from` read with rounding (hours to the hour, longer units to
 * the day), "all" from `earliest` (the first event), none = the start of today minus 7 days; `date_to`
 * none = now, then (unless `explicitDate`) moved to the end of its day (day interval) or, when relative,
 * of its hour; buckets from the start of `date_from`'s interval while they start by `date_to`.
 * Capped at `maxBuckets` (the newest kept) so a huge range cannot run away. `null` for unreadable dates.
 */
export function trendWindow(range: QueryDateRange | null | undefined, now: number, interval: TrendInterval, earliest: number | null, maxBuckets = 2_000): TrendWindow | null {
  const fromText = typeof range?.date_from === "string" && range.date_from.trim() !== "" ? range.date_from : null;
  let from: number;
  if (fromText === "all") from = earliest ?? floorTo(now, "day");
  else if (fromText === null) from = floorTo(now, "day") - 7 * DAY;
  else {
    const date = parsePostHogDate(fromText);
    if (date.kind === "invalid" || date.kind === "all") return null;
    from = date.kind === "absolute" ? date.ms : relativeDateMs(date, now, true);
  }
  const toText = typeof range?.date_to === "string" && range.date_to.trim() !== "" ? range.date_to : null;
  let to = now;
  let relativeTo = toText === null;
  if (toText !== null) {
    const date = parsePostHogDate(toText);
    if (date.kind === "invalid" || date.kind === "all") return null;
    to = date.kind === "absolute" ? date.ms : relativeDateMs(date, now);
    relativeTo = date.kind === "relative";
  }
  if (range?.explicitDate !== true) {
    if (interval === "day") to = endOf(to, "day");
    else if (relativeTo) to = endOf(to, "hour");
  }
  const step = interval === "hour" ? HOUR : DAY;
  const starts: number[] = [];
  for (let start = floorTo(from, interval); start <= to; start += step) starts.push(start);
  return { interval, from, to, starts: starts.slice(-maxBuckets) };
}

/** Per error group, its count in each bucket of the window (groups with no error in the window left out). */
export function errorTrendSeries(events: Iterable<FlatAiEvent>, span: TrendWindow, options: ErrorGroupOptions & { errors?: readonly string[] } = {}): Map<string, number[]> {
  const series = new Map<string, number[]>();
  const wanted = options.errors ? new Set(options.errors) : null;
  const first = span.starts[0];
  if (first === undefined) return series;
  const step = span.interval === "hour" ? HOUR : DAY;
  for (const event of events) {
    if (!ERROR_QUERY_EVENTS.includes(event.event) || !isErrorEvent(event.properties, options)) continue;
    if (event.at < first || event.at > span.to) continue;
    const key = errorGroupKey(event.properties, options);
    if (wanted && !wanted.has(key)) continue;
    const index = Math.floor((event.at - first) / step);
    if (index < 0 || index >= span.starts.length) continue;
    let counts = series.get(key);
    if (!counts) {
      counts = new Array<number>(span.starts.length).fill(0);
      series.set(key, counts);
    }
    counts[index]! += 1;
  }
  return series;
}
