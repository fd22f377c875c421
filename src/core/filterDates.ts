/**
 * PostHog's date syntax, as its query layer reads it (posthog/utils.py relative_date_parse and
 * get_delta_mapping_for, posthog/hogql/filters.py, posthog/hogql_queries/utils/query_date_range.py):
 * `-7d`, `-24h`, `-30M` (minutes), `-1m` (months), `-2w`, `-1q` (13 weeks), `-1y`, `dStart`, `-1dStart`,
 * `-1mEnd`, `mStart`, `yStart`, `all` (date_from only) and ISO dates or date-times. Everything is UTC,
 * the team timezone tracelens assumes.
 */
import { isPropertyBag } from "./eventsAccess";
import type { QueryDateRange } from "./eventsTrace";

export type DateUnit = "s" | "M" | "h" | "d" | "w" | "m" | "q" | "y";

/** What a date text means, before any clock is applied. */
export type PostHogDate =
  | { kind: "all" }
  | { kind: "relative"; amount: number | null; unit: DateUnit; position: "Start" | "End" | null }
  | { kind: "absolute"; ms: number; dateOnly: boolean }
  | { kind: "invalid"; text: string };

const RELATIVE = /^-?(\d+)?([sMhdwmqy])(Start|End)?$/;
/** A date with no time (`2025-06-09`; strptime also takes unpadded months and days). */
export const ISO_DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads one date text. Never throws; text PostHog cannot read is `{kind: "invalid"}`. */
export function parsePostHogDate(text: unknown): PostHogDate {
  if (typeof text !== "string") return { kind: "invalid", text: String(text) };
  const value = text.trim();
  if (value === "all") return { kind: "all" };
  const relative = RELATIVE.exec(value);
  if (relative) {
    return { kind: "relative", amount: relative[1] === undefined ? null : Number(relative[1]), unit: relative[2] as DateUnit, position: (relative[3] as "Start" | "End" | undefined) ?? null };
  }
  const dateOnly = ISO_DATE_ONLY.exec(value);
  if (dateOnly) {
    const ms = Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
    const check = new Date(ms);
    // strptime refuses 2025-02-30; Date.UTC would roll it over.
    if (check.getUTCDate() !== Number(dateOnly[3]) || check.getUTCMonth() !== Number(dateOnly[2]) - 1) return { kind: "invalid", text: value };
    return { kind: "absolute", ms, dateOnly: true };
  }
  if (ISO_DATE_TIME.test(value)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
    const ms = Date.parse(zoned.replace(" ", "T"));
    if (Number.isFinite(ms)) return { kind: "absolute", ms, dateOnly: false };
  }
  return { kind: "invalid", text: value };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * relative_date_parse: `now` minus the text's delta, with dateutil's relativedelta rules (months and
 * years move the calendar and clamp the day; `Start`/`End` set absolute fields; `mStart` keeps the time
 * of day unless `alwaysTruncate`). `alwaysTruncate` rounds down to the hour for hour units, else to the day.
 */
export function relativeDateMs(date: Extract<PostHogDate, { kind: "relative" }>, now: number, alwaysTruncate = false): number {
  const n = date.amount ?? 0;
  const at = new Date(now);
  let year = at.getUTCFullYear();
  let month = at.getUTCMonth();
  let day = at.getUTCDate();
  let hour = at.getUTCHours();
  let minute = at.getUTCMinutes();
  let second = at.getUTCSeconds();
  let milli = at.getUTCMilliseconds();
  let shiftMs = 0;
  let absoluteDay: number | null = null;
  let months = 0;
  switch (date.unit) {
    case "s":
      shiftMs = n * 1000;
      break;
    case "M":
      shiftMs = n * 60_000;
      break;
    case "h":
      shiftMs = n * 3_600_000;
      if (date.position === "Start") [minute, second, milli] = [0, 0, 0];
      if (date.position === "End") [minute, second, milli] = [59, 59, 999];
      break;
    case "d":
      shiftMs = n * 86_400_000;
      if (date.position === "Start") [hour, minute, second, milli] = [0, 0, 0, 0];
      if (date.position === "End") [hour, minute, second, milli] = [23, 59, 59, 999];
      break;
    case "w":
      shiftMs = n * 7 * 86_400_000;
      break;
    case "q":
      shiftMs = n * 13 * 7 * 86_400_000;
      break;
    case "m":
      months = n;
      if (date.position === "Start") absoluteDay = 1;
      if (date.position === "End") absoluteDay = 31;
      break;
    case "y":
      months = 12 * n;
      if (date.position === "Start") {
        month = 0;
        absoluteDay = 1;
      }
      if (date.position === "End") absoluteDay = 31;
      break;
  }
  const total = year * 12 + month - months;
  year = Math.floor(total / 12);
  month = total - year * 12;
  day = Math.min(daysInMonth(year, month), absoluteDay ?? day);
  let ms = Date.UTC(year, month, day, hour, minute, second, milli) - shiftMs;
  if (alwaysTruncate) ms = date.unit === "h" && n > 0 ? Math.floor(ms / 3_600_000) * 3_600_000 : Math.floor(ms / 86_400_000) * 86_400_000;
  return ms;
}

/** A window in epoch ms; `null` is an open end. */
export interface DateWindow {
  from: number | null;
  to: number | null;
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * The window PostHog's HogQL `{filters}` placeholder applies (posthog/hogql/filters.py; the sessions and
 * errors queries use it): `timestamp >= from` and `timestamp < to`, dates read by relative_date_parse
 * without rounding. A missing bound, or `date_from: "all"`, is open. Text PostHog cannot read falls back
 * to `now`, as relative_date_parse does; `unreadable` names such a bound so a UI can say so.
 */
export function resolveHogQLDateRange(range: QueryDateRange | null | undefined, now: number): DateWindow & { toExclusive: true; unreadable: Array<"date_from" | "date_to"> } {
  const unreadable: Array<"date_from" | "date_to"> = [];
  const bound = (value: unknown, field: "date_from" | "date_to"): number | null => {
    const text = textOf(value);
    if (text === null) return null;
    const date = parsePostHogDate(text);
    if (date.kind === "all") return field === "date_from" ? null : now;
    if (date.kind === "absolute") return date.ms;
    if (date.kind === "relative") return relativeDateMs(date, now);
    unreadable.push(field);
    return now;
  };
  return { from: bound(range?.date_from, "date_from"), to: bound(range?.date_to, "date_to"), toExclusive: true, unreadable };
}

const DAY = 86_400_000;

/**
 * One bound as tracelens' trace windows read it (see `resolveTraceDateRange`): relative text as
 * relative_date_parse reads it without rounding (`-7d` is exactly 7 days before now), `dStart`, `mStart`
 * and `yStart` at midnight, ISO dates at their start. `null` for "all" and for text PostHog cannot read.
 */
export function traceDateBoundMs(text: string, now: number): number | null {
  const date = parsePostHogDate(text);
  if (date.kind === "all" || date.kind === "invalid") return null;
  if (date.kind === "absolute") return date.ms;
  if (date.amount === null && date.position === "Start" && (date.unit === "d" || date.unit === "m" || date.unit === "y")) {
    const today = new Date(Math.floor(now / DAY) * DAY);
    if (date.unit === "d") return today.getTime();
    return Date.UTC(today.getUTCFullYear(), date.unit === "m" ? today.getUTCMonth() : 0, 1);
  }
  return relativeDateMs(date, now);
}

/**
 * The window tracelens applies to trace lists (TracesQuery, TraceQuery), the same one its strict mock of
 * PostHog applies. PostHog's TracesQuery reads dates at minute precision (QueryDateRange at MINUTE
 * interval: relative_date_parse without rounding), so relative bounds are exact; `dStart`/`mStart`/`yStart`
 * are midnight; both ends are inclusive; no `date_from` (or "all") is open and no `date_to` is now.
 * One difference, kept on purpose: a date-only `date_to` ("2025-06-09") covers that whole day, where
 * PostHog reads it as its midnight. `null` when a bound is unreadable.
 */
export function resolveTraceDateRange(range: QueryDateRange | null | undefined, now: number): DateWindow | null {
  const bound = (value: unknown, end: boolean): number | null | undefined => {
    const text = textOf(value);
    if (text === null || text.trim() === "all") return end ? now : null;
    const ms = traceDateBoundMs(text, now);
    if (ms === null) return undefined;
    return end && ISO_DATE_ONLY.test(text.trim()) ? ms + DAY - 1 : ms;
  };
  const from = bound(range?.date_from, false);
  const to = bound(range?.date_to, true);
  if (from === undefined || to === undefined) return null;
  return { from, to };
}

/** Whether `atMs` lies in a window (`toExclusive` for HogQL's `timestamp < to`). */
export function inDateWindow(atMs: number | null, span: DateWindow & { toExclusive?: boolean }): boolean {
  if (atMs === null || !Number.isFinite(atMs)) return span.from === null && span.to === null;
  if (span.from !== null && atMs < span.from) return false;
  if (span.to !== null && (span.toExclusive ? atMs >= span.to : atMs > span.to)) return false;
  return true;
}

/** A `QueryDateRange` read from anything (URL state, host props): only string/null bounds survive. */
export function readDateRange(value: unknown): QueryDateRange | undefined {
  if (!isPropertyBag(value)) return undefined;
  const out: QueryDateRange = {};
  if (typeof value.date_from === "string" || value.date_from === null) out.date_from = value.date_from;
  if (typeof value.date_to === "string" || value.date_to === null) out.date_to = value.date_to;
  if (typeof value.explicitDate === "boolean") out.explicitDate = value.explicitDate;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * QueryDateRange at minute interval, as PostHog's newest TraceNeighborsQuery (and TracesQuery) read it:
 * `date_from` by relative_date_parse without rounding ("all" open; none = the start of today minus 7
 * days); `date_to` none or relative = the end of that minute, absolute as given; both ends inclusive.
 * `null` for unreadable text.
 */
export function resolveMinuteDateRange(range: QueryDateRange | null | undefined, now: number): DateWindow | null {
  let from: number | null = Math.floor(now / DAY) * DAY - 7 * DAY;
  const fromText = textOf(range?.date_from);
  if (fromText !== null) {
    const date = parsePostHogDate(fromText);
    if (date.kind === "invalid") return null;
    from = date.kind === "all" ? null : date.kind === "absolute" ? date.ms : relativeDateMs(date, now);
  }
  let to = now;
  let relative = true;
  const toText = textOf(range?.date_to);
  if (toText !== null) {
    const date = parsePostHogDate(toText);
    if (date.kind === "invalid" || date.kind === "all") return null;
    relative = date.kind === "relative";
    to = date.kind === "absolute" ? date.ms : relativeDateMs(date, now);
  }
  if (relative && range?.explicitDate !== true) to = Math.floor(to / 60_000) * 60_000 + 59_999;
  return { from, to };
}
