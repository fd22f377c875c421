/**
 * Display formatters for trace analytics. Every formatter takes an optional BCP 47 `locale`
 * (an invalid tag falls back to the runtime default) and never throws: NaN, ±Infinity,
 * undefined, null, non-numbers and negative amounts give {@link FORMAT_PLACEHOLDER}, and amounts
 * from {@link FORMAT_SCIENTIFIC_FROM} up print in scientific notation ("1E308 s"), not as 300 digits.
 */
import { numberFormat as sharedNumberFormat, relativeTimeFormat, withDefaultLocale } from "./intlFormatters";

/** Shown instead of a value that is missing or cannot be displayed. */
export const FORMAT_PLACEHOLDER = "—";

export interface FormatOptions {
  locale?: string | readonly string[];
}

/**
 * From here on amounts print in scientific notation: past 2^53 the digits are not even exact, and
 * a hostile `1e308` would otherwise fill the screen.
 */
export const FORMAT_SCIENTIFIC_FROM = 1e15;

const SCIENTIFIC: Intl.NumberFormatOptions = { notation: "scientific", minimumFractionDigits: 0, maximumFractionDigits: 2 };

function isAmount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** A shared `Intl.NumberFormat`, retried without the locale when the tag or options are rejected. */
function numberFormat(locale: FormatOptions["locale"], options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return withDefaultLocale(locale, (tag) => sharedNumberFormat(tag, options));
}

function fixed(value: number, digits: number, locale: FormatOptions["locale"]): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * Latency given in seconds (PostHog's `$ai_latency` unit). Thresholds:
 * - under 1 s: milliseconds, one decimal below 10 ms ("420 ms", "4.2 ms");
 * - 1 s to under 60 s: seconds with 2 decimals ("3.42 s");
 * - 60 s to under 1 h: seconds with 1 decimal plus minutes ("142.1 s (2.37 m)");
 * - 1 h and more: seconds with 1 decimal plus hours ("5,400.0 s (1.50 h)").
 */
export function formatLatency(seconds: unknown, options: FormatOptions = {}): string {
  if (!isAmount(seconds)) return FORMAT_PLACEHOLDER;
  const locale = options?.locale;
  if (seconds >= FORMAT_SCIENTIFIC_FROM) return `${numberFormat(locale, SCIENTIFIC).format(seconds)} s`;
  if (seconds < 1) {
    const ms = seconds * 1000;
    const digits = ms < 10 && ms > 0 ? 1 : 0;
    return `${numberFormat(locale, { maximumFractionDigits: digits }).format(ms)} ms`;
  }
  if (seconds < 60) return `${fixed(seconds, 2, locale)} s`;
  const long = `${fixed(seconds, 1, locale)} s`;
  if (seconds < 3600) return `${long} (${fixed(seconds / 60, 2, locale)} m)`;
  return `${long} (${fixed(seconds / 3600, 2, locale)} h)`;
}

/**
 * A count with grouping ("12,345"), rounded to a whole number; scientific from
 * {@link FORMAT_SCIENTIFIC_FROM} up. Negative counts are allowed (deltas); non-finite ones give the placeholder.
 */
export function formatCount(value: unknown, options: FormatOptions = {}): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return FORMAT_PLACEHOLDER;
  const huge = Math.abs(value) >= FORMAT_SCIENTIFIC_FROM;
  return numberFormat(options?.locale, huge ? SCIENTIFIC : { maximumFractionDigits: 0 }).format(value);
}

/**
 * Token counts as "in → out (∑ total)", e.g. "1,200 → 340 (∑ 1,540)". A missing side shows the
 * placeholder, and so does the total unless both sides are known; nothing known gives the
 * placeholder alone.
 */
export function formatTokens(inputTokens: unknown, outputTokens: unknown, options: FormatOptions = {}): string {
  const haveIn = isAmount(inputTokens);
  const haveOut = isAmount(outputTokens);
  if (!haveIn && !haveOut) return FORMAT_PLACEHOLDER;
  const plain = numberFormat(options?.locale, { maximumFractionDigits: 0 });
  const huge = numberFormat(options?.locale, SCIENTIFIC);
  const format = (n: number) => (n >= FORMAT_SCIENTIFIC_FROM ? huge : plain).format(n);
  const show = (n: unknown, known: boolean) => (known ? format(n as number) : FORMAT_PLACEHOLDER);
  // Summed only when both are numbers: `+` on a host object calls its toString, which may throw.
  const sum = haveIn && haveOut ? (inputTokens as number) + (outputTokens as number) : Number.NaN;
  const total = Number.isFinite(sum) ? format(sum) : FORMAT_PLACEHOLDER;
  return `${show(inputTokens, haveIn)} → ${show(outputTokens, haveOut)} (∑ ${total})`;
}

export interface FormatCostOptions extends FormatOptions {
  /** ISO 4217 code; PostHog reports costs in USD. */
  currency?: string;
}

/** Below this a cost is shown as "< $0.000001" instead of a long run of zeros. */
export const FORMAT_COST_FLOOR = 0.000001;

/**
 * A cost through `Intl.NumberFormat` currency style (USD by default):
 * - 0 and costs of 1 or more: 2 decimals ("$0.00", "$1,234.50");
 * - 0.01 to under 1: 2 to 4 decimals ("$0.42", "$0.0123");
 * - under 0.01: 2 significant digits, so small costs stay readable ("$0.00042");
 * - under {@link FORMAT_COST_FLOOR}: "< $0.000001".
 */
export function formatCost(usd: unknown, options: FormatCostOptions = {}): string {
  if (!isAmount(usd)) return FORMAT_PLACEHOLDER;
  const locale = options?.locale;
  const currency = typeof options?.currency === "string" && options.currency ? options.currency : "USD";
  const money = (extra: Intl.NumberFormatOptions): string => {
    try {
      return numberFormat(locale, { style: "currency", currency, ...extra }).format(usd);
    } catch {
      return numberFormat(locale, { style: "currency", currency: "USD", ...extra }).format(usd);
    }
  };
  if (usd >= FORMAT_SCIENTIFIC_FROM) return money(SCIENTIFIC);
  if (usd === 0 || usd >= 1) return money({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (usd >= 0.01) return money({ minimumFractionDigits: 2, maximumFractionDigits: 4 });
  if (usd >= FORMAT_COST_FLOOR) return money({ maximumSignificantDigits: 2 });
  return `< ${formatCost(FORMAT_COST_FLOOR, options)}`;
}

export interface FormatRelativeTimeOptions extends FormatOptions {
  /** The reference instant (Date or epoch ms); defaults to the current time. */
  now?: Date | number;
  /** "auto" (default) allows "yesterday" / "now"; "always" keeps numbers ("1 day ago"). */
  numeric?: "auto" | "always";
}

// Timestamps without a zone (ClickHouse style "2026-01-02 03:04:05.123456") are UTC in PostHog.
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function toEpochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  if (typeof value !== "string") return NaN;
  const zoneless = ZONELESS.exec(value.trim());
  return Date.parse(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : value);
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number, number]> = [
  // unit, seconds per unit, use while the rounded amount stays below this
  ["second", 1, 60],
  ["minute", 60, 60],
  ["hour", 3600, 24],
  ["day", 86400, 7],
  ["week", 7 * 86400, 5],
  ["month", 30.436875 * 86400, 12],
  ["year", 365.2425 * 86400, Infinity],
];

/**
 * "3 minutes ago" / "in 2 hours" via `Intl.RelativeTimeFormat`. `value` is a Date, epoch
 * milliseconds or a date string (zone-less timestamps are read as UTC). The unit is the largest
 * one whose rounded amount is at least 1: seconds under a minute, then minutes, hours, days
 * (under 7), weeks (under 5), months (under 12), years.
 */
export function formatRelativeTime(value: unknown, options: FormatRelativeTimeOptions = {}): string {
  const then = toEpochMs(value);
  const nowOption = options?.now;
  const now = nowOption === undefined ? Date.now() : toEpochMs(nowOption);
  if (!Number.isFinite(then) || !Number.isFinite(now)) return FORMAT_PLACEHOLDER;
  const diffSeconds = (then - now) / 1000;
  const numeric = options?.numeric === "always" ? "always" : "auto";
  const formatter = withDefaultLocale(options?.locale, (tag) => relativeTimeFormat(tag, { numeric }));
  for (const [unit, size, below] of UNITS) {
    const amount = Math.round(diffSeconds / size);
    if (Math.abs(amount) < below) return formatter.format(amount === 0 ? 0 : amount, unit);
  }
  return FORMAT_PLACEHOLDER;
}
