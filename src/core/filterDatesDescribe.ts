/**
 * Date ranges in words, and the preset list a date picker offers. Labels and values follow PostHog's
 * own date picker (frontend/src/lib/utils.tsx dateMapping, dateFilterToText): "Last 7 days" is
 * `{date_from: "-7d"}`, "Previous month" is `-1mStart`…`-1mEnd`, "All time" is `all`.
 */
import type { QueryDateRange } from "./eventsTrace";
import { parsePostHogDate, type DateUnit, type PostHogDate } from "./filterDates";

/** One entry of a date picker's list. */
export interface DateRangePreset {
  /** Stable id, also PostHog's label. */
  key: string;
  label: string;
  dateRange: QueryDateRange;
}

/** PostHog's date picker choices, in its order. */
export const DATE_RANGE_PRESETS: readonly DateRangePreset[] = [
  { key: "Today", label: "Today", dateRange: { date_from: "dStart", date_to: null } },
  { key: "Yesterday", label: "Yesterday", dateRange: { date_from: "-1dStart", date_to: "-1dEnd" } },
  { key: "Last 24 hours", label: "Last 24 hours", dateRange: { date_from: "-24h", date_to: null } },
  { key: "Last 7 days", label: "Last 7 days", dateRange: { date_from: "-7d", date_to: null } },
  { key: "Last 14 days", label: "Last 14 days", dateRange: { date_from: "-14d", date_to: null } },
  { key: "Last 30 days", label: "Last 30 days", dateRange: { date_from: "-30d", date_to: null } },
  { key: "Last 90 days", label: "Last 90 days", dateRange: { date_from: "-90d", date_to: null } },
  { key: "Last 180 days", label: "Last 180 days", dateRange: { date_from: "-180d", date_to: null } },
  { key: "This month", label: "This month", dateRange: { date_from: "mStart", date_to: null } },
  { key: "Previous month", label: "Previous month", dateRange: { date_from: "-1mStart", date_to: "-1mEnd" } },
  { key: "Year to date", label: "Year to date", dateRange: { date_from: "yStart", date_to: null } },
  { key: "All time", label: "All time", dateRange: { date_from: "all", date_to: null } },
];

const UNIT_WORDS: Record<DateUnit, string> = { s: "second", M: "minute", h: "hour", d: "day", w: "week", m: "month", q: "quarter", y: "year" };

function norm(value: string | null | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The preset a range is, if any (open `date_to` spelt as null, "" or missing alike). */
export function matchDateRangePreset(range: QueryDateRange | null | undefined): DateRangePreset | null {
  const from = norm(range?.date_from);
  const to = norm(range?.date_to);
  return DATE_RANGE_PRESETS.find((preset) => norm(preset.dateRange.date_from) === from && norm(preset.dateRange.date_to) === to) ?? null;
}

function formatDay(ms: number, locale: string | undefined, withTime: boolean): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric", month: "short", day: "numeric", ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(new Date(ms));
  } catch {
    return new Intl.DateTimeFormat("en-US", options).format(new Date(ms));
  }
}

function describeOne(date: PostHogDate, locale: string | undefined): string {
  switch (date.kind) {
    case "all":
      return "the beginning";
    case "absolute":
      return formatDay(date.ms, locale, !date.dateOnly);
    case "invalid":
      return `"${date.text}" (not a date PostHog reads)`;
    case "relative": {
      const word = UNIT_WORDS[date.unit];
      const n = date.amount ?? 0;
      const ago = n === 0 ? (date.unit === "d" ? "today" : `this ${word}`) : n === 1 && date.position ? `last ${word}` : `${n} ${word}${n === 1 ? "" : "s"} ago`;
      if (date.position === "Start") return `the start of ${ago === "today" ? "today" : ago}`;
      if (date.position === "End") return `the end of ${ago === "today" ? "today" : ago}`;
      return ago;
    }
  }
}

/**
 * A date range in words: a preset's label ("Last 7 days"), "Last N units" for any relative `date_from`
 * without an end, "All time", or "From … to …" for anything else. Untrusted text is quoted, never run.
 */
export function describeDateRange(range: QueryDateRange | null | undefined, options: { locale?: string; emptyLabel?: string } = {}): string {
  const preset = matchDateRangePreset(range);
  if (preset) return preset.label;
  const fromText = norm(range?.date_from);
  const toText = norm(range?.date_to);
  if (fromText === "" && toText === "") return options.emptyLabel ?? "Default range";
  const from = fromText === "" ? null : parsePostHogDate(fromText);
  const to = toText === "" ? null : parsePostHogDate(toText);
  if (to === null && from?.kind === "relative" && from.position === null && from.amount !== null && from.amount > 0) {
    return `Last ${from.amount} ${UNIT_WORDS[from.unit]}${from.amount === 1 ? "" : "s"}`;
  }
  if (to === null && from?.kind === "all") return "All time";
  if (to === null && from) return `From ${describeOne(from, options.locale)}`;
  if (from === null && to) return `Until ${describeOne(to, options.locale)}`;
  return `From ${describeOne(from!, options.locale)} to ${describeOne(to!, options.locale)}`;
}
