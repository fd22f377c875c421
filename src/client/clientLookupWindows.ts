/**
 * Date windows for lookups by id. PostHog finds a trace, a generation's sentiment or a summary's
 * subject only inside a window (TraceQuery: the last 7 days by default; sentiment: 7 days; summaries:
 * 30 days; posthog-contract.md F-Q6, F-S3, F-M2), and answers "nothing" rather than "wrong window" for
 * anything older. So every lookup carries a window: around the time the caller or this client already
 * knows for the id, or, when nothing is known, ever wider ones until the data is found.
 */
import type { LLMTrace } from "../core/eventsTrace";

const DAY = 86_400_000;

/** The windows tried, in order, when nothing is known about an id's time. */
export const WIDENING_STEPS = ["-7d", "-30d", "-90d", "all"] as const;
export type WideningStep = (typeof WIDENING_STEPS)[number];

/**
 * Sentiment reads `date_from` with relative_date_parse, which does not know "all" and then falls back
 * to 7 days (F-S3), so "all time" is an absolute date before any PostHog data.
 */
export const SENTIMENT_ALL_TIME_FROM = "2000-01-01T00:00:00Z";

/** An instant from a string, number or Date; null when unreadable. */
export function instant(value: string | number | Date | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * A window that holds everything of a trace near `at`: from the start of the day before (a trace starts
 * before any of its events, and PostHog reads whole days) to a week after (its last events; TraceQuery
 * cuts a trace at `date_to` + 10 minutes, F-Q5).
 */
export function windowAround(earliest: number, latest: number = earliest): { date_from: string; date_to: string } {
  const from = Math.floor(earliest / DAY) * DAY - DAY;
  return { date_from: new Date(from).toISOString(), date_to: new Date(latest + 7 * DAY).toISOString() };
}

/**
 * What this client has seen of ids' times (trace `createdAt`, event timestamps), so a later lookup by
 * id (a row's sentiment, an opened trace, its summary) carries the right window without the caller
 * passing one. Bounded: the oldest entries go first.
 */
export class TimestampMemory {
  private readonly times = new Map<string, number>();
  constructor(private readonly capacity = 20_000) {}

  remember(id: unknown, at: string | number | Date | null | undefined): void {
    const ms = instant(at);
    if (typeof id !== "string" || id === "" || ms === null) return;
    const known = this.times.get(id);
    // The earliest time seen is the one a window must hold.
    if (known !== undefined && known <= ms) return;
    this.times.delete(id);
    this.times.set(id, ms);
    if (this.times.size > this.capacity) this.times.delete(this.times.keys().next().value as string);
  }

  rememberTrace(trace: unknown): void {
    if (typeof trace !== "object" || trace === null) return;
    const t = trace as LLMTrace;
    this.remember(t.id, t.createdAt);
    for (const event of Array.isArray(t.events) ? t.events : []) {
      if (event && typeof event === "object") this.remember(event.id, event.createdAt);
    }
  }

  get(id: string): number | null {
    return this.times.get(id) ?? null;
  }
}
