/** Retry policy for the PostHog client: bounded, exponential, jittered, and polite to `Retry-After`. */

export interface RetryPolicy {
  /** Retries after the first attempt (so at most `retries + 1` requests). @default 3 */
  retries?: number;
  /** First backoff step in ms; doubles each retry. @default 500 */
  baseDelayMs?: number;
  /** Cap on one backoff step. @default 8000 */
  maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this is not waited out: the error surfaces at once, with
   * `retryAfterMs` set, so a UI can say when to try again. @default 60000
   */
  maxRetryAfterMs?: number;
  /** Also retry requests that hit the timeout. Off by default: a slow server retried is a busier one. @default false */
  retryTimeouts?: boolean;
  /** Random source in [0, 1), replaceable for tests. @default Math.random */
  random?: () => number;
}

export type ResolvedRetryPolicy = Required<RetryPolicy>;

export function resolveRetryPolicy(policy: RetryPolicy | undefined): ResolvedRetryPolicy {
  const nonNegative = (value: number | undefined, fallback: number) =>
    typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;
  return {
    retries: Math.floor(nonNegative(policy?.retries, 3)),
    baseDelayMs: nonNegative(policy?.baseDelayMs, 500),
    maxDelayMs: nonNegative(policy?.maxDelayMs, 8000),
    maxRetryAfterMs: nonNegative(policy?.maxRetryAfterMs, 60_000),
    retryTimeouts: policy?.retryTimeouts === true,
    random: policy?.random ?? Math.random,
  };
}

/**
 * "Equal jitter": half the exponential step is fixed, half random. Clients that failed together
 * spread out, yet none retries almost immediately.
 */
export function backoffDelay(retryIndex: number, policy: ResolvedRetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retryIndex, 30));
  return step / 2 + policy.random() * (step / 2);
}

/**
 * Waits at least what the server asked for, plus a little jitter (at most one base step) so
 * throttled clients do not all come back in the same millisecond.
 */
export function retryAfterDelay(retryAfterMs: number, policy: ResolvedRetryPolicy): number {
  return retryAfterMs + policy.random() * Math.min(policy.baseDelayMs, 1000);
}

/**
 * `Retry-After` as milliseconds: delta-seconds or an HTTP date (a date in the past is 0); `null` when
 * absent or unreadable. Negative numbers are not delta-seconds, and JavaScript's `Date.parse` reads
 * "-5" as a year, so only text shaped like an HTTP date (a month name and a clock time) is read as one.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.round(Number(text) * 1000);
    return Number.isFinite(ms) ? ms : null;
  }
  if (!/[A-Za-z]{3}/.test(text) || !/\d{1,2}:\d{2}:\d{2}/.test(text)) return null;
  const date = Date.parse(text);
  if (!Number.isFinite(date)) return null;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
