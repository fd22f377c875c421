/**
 * The parts of PostHog's query filtering the local client reproduces: date ranges (relative and
 * absolute) and event/person property filters with the common operators.
 */
import type { QueryDateRange, QueryPropertyFilter, LLMTrace } from "../core/eventsTrace";
import { ApiError } from "./clientErrors";

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { M: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY, m: 30 * DAY, q: 91 * DAY, y: 365 * DAY };

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/**
 * A PostHog date string as epoch ms: relative (`-7d`, `-24h`, `-30M` minutes, `-2w`, `-3m`
 * months, `-1y`), `dStart`/`mStart`/`yStart`, `all`, or an ISO date/time (UTC when no zone).
 * A date-only `date_to` means the end of that day. `null` for an open bound or an unreadable one.
 */
export function parsePostHogDate(value: string | null | undefined, now: number, bound: "from" | "to"): number | null {
  if (value === null || value === undefined || value === "" || value === "all") return null;
  const relative = /^-(\d+)([Mhdwmqy])$/.exec(value);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2]!]!;
  const today = new Date(startOfUtcDay(now));
  if (value === "dStart") return today.getTime();
  if (value === "mStart") return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  if (value === "yStart") return Date.UTC(today.getUTCFullYear(), 0, 1);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = Date.parse(dateOnly || /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  if (!Number.isFinite(parsed)) return null;
  return dateOnly && bound === "to" ? parsed + DAY - 1 : parsed;
}

/** Whether `atMs` falls inside the range; no range (or no readable bound) accepts everything. */
export function inDateRange(atMs: number | null, range: QueryDateRange | undefined, now: number): boolean {
  if (!range) return true;
  const from = parsePostHogDate(range.date_from, now, "from");
  const to = parsePostHogDate(range.date_to, now, "to");
  if (from === null && to === null) return true;
  if (atMs === null) return false;
  return (from === null || atMs >= from) && (to === null || atMs <= to);
}

const SUPPORTED_TYPES = new Set(["event", "person"]);

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function compareNumbers(actual: unknown, expected: unknown, test: (a: number, b: number) => boolean): boolean {
  const a = Number(actual);
  const b = Number(expected);
  return actual !== null && actual !== "" && Number.isFinite(a) && Number.isFinite(b) && test(a, b);
}

function safeRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** One property value against one filter, with PostHog's operator names. */
export function matchesOperator(actual: unknown, operator: string, expected: unknown): boolean {
  const present = actual !== undefined && actual !== null;
  switch (operator) {
    case "exact":
      return present && asList(expected).some((v) => text(v) === text(actual));
    case "is_not":
      return !present || asList(expected).every((v) => text(v) !== text(actual));
    case "icontains":
      return present && text(actual).toLowerCase().includes(text(expected).toLowerCase());
    case "not_icontains":
      return !present || !text(actual).toLowerCase().includes(text(expected).toLowerCase());
    case "regex":
      return present && (safeRegex(text(expected))?.test(text(actual)) ?? false);
    case "not_regex":
      return !present || !(safeRegex(text(expected))?.test(text(actual)) ?? false);
    case "gt":
      return compareNumbers(actual, expected, (a, b) => a > b);
    case "gte":
      return compareNumbers(actual, expected, (a, b) => a >= b);
    case "lt":
      return compareNumbers(actual, expected, (a, b) => a < b);
    case "lte":
      return compareNumbers(actual, expected, (a, b) => a <= b);
    case "is_set":
      return present;
    case "is_not_set":
      return !present;
    default:
      throw new ApiError({ kind: "http", status: 400, path: "local:query", body: { detail: `Unsupported operator "${operator}"` } });
  }
}

/** Rejects, in PostHog's 400 shape, any filter the local client cannot evaluate faithfully. */
export function checkPropertyFilters(filters: readonly QueryPropertyFilter[] | undefined): void {
  for (const filter of filters ?? []) {
    const type = filter.type ?? "event";
    if (!SUPPORTED_TYPES.has(type) || typeof filter.key !== "string") {
      throw new ApiError({
        kind: "http",
        status: 400,
        path: "local:query",
        body: { detail: `The local client supports event and person property filters only (got "${type}")` },
      });
    }
  }
}

/** Event filters match when any event of the trace matches; person filters read the trace's person. */
export function traceMatchesFilters(trace: LLMTrace, filters: readonly QueryPropertyFilter[] | undefined): boolean {
  return (filters ?? []).every((filter) => {
    const key = filter.key as string;
    const operator = filter.operator ?? "exact";
    if ((filter.type ?? "event") === "person") {
      return matchesOperator(trace.person?.properties?.[key], operator, filter.value);
    }
    return trace.events.some((event) => matchesOperator(event.properties?.[key], operator, filter.value));
  });
}
