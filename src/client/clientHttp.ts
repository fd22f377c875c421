/**
 * JSON POSTs to PostHog with a per-client concurrency limit, a timeout per attempt, the
 * caller's AbortSignal, and bounded retries. Nothing here logs, and no error carries a header.
 */
import { ApiError, isApiError } from "./clientErrors";
import { credentialPlaces, headerEntries, headerSecrets, refuseBrowserCredentials, type HeaderEntries } from "./clientCredentials";
import { createSecretScrubber, type SecretScrubber } from "./clientSecretScrub";
import type { Limiter } from "./clientConcurrency";
import { backoffDelay, parseRetryAfter, retryAfterDelay, sleep, type ResolvedRetryPolicy } from "./clientRetry";

/** Per-call options every client method accepts. */
export interface RequestOptions {
  /** Aborts the call: queued, in flight or waiting to retry. It then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for each attempt of this call, in ms. */
  timeoutMs?: number;
  /**
   * When the entity looked up by id happened (a row's `createdAt`, the trace's timestamp). PostHog finds
   * stored events by id only inside a date window; with this the window is one that holds them,
   * without it the PostHog client widens step by step (7, 30, 90 days, all time). Ignored locally.
   */
  timestamp?: string | number | Date | null;
  /** The same, per id, for calls that take many ids (sentiment). */
  timestamps?: Readonly<Record<string, string | number | Date | null | undefined>>;
}

/**
 * Extra headers: a fixed map, a `Headers`, a list of pairs, or a function called before every
 * request (fresh CSRF tokens). Credential headers (Authorization, Cookie, *token*, *key*, …) are
 * refused in a browser unless `dangerouslyAllowBrowser` is set.
 */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface HttpTransport {
  baseUrl: string;
  fetch?: typeof fetch;
  headers?: HeadersOption;
  /** The `Authorization` value the client itself adds (`Bearer <apiKey>`, or Basic from URL user-info). */
  authorization?: string;
  /** Secrets known before any request (the key, URL user-info), scrubbed from every error. */
  secrets: readonly string[];
  /** Who refuses a credential header in a browser ("createPostHogClient"), and whether the host allowed it. */
  owner: string;
  dangerouslyAllowBrowser?: boolean;
  credentials?: RequestCredentials;
  retry: ResolvedRetryPolicy;
  timeoutMs: number;
  limiter: Limiter;
}

async function extraHeaders(t: HttpTransport): Promise<HeaderEntries> {
  try {
    return headerEntries(typeof t.headers === "function" ? await t.headers() : t.headers);
  } catch (error) {
    // The host's headers function failed; whatever it says goes out without the secrets we know.
    throw createSecretScrubber(t.secrets).value(error);
  }
}

async function buildHeaders(t: HttpTransport): Promise<{ headers: Record<string, string>; scrubber: SecretScrubber }> {
  const extra = await extraHeaders(t);
  // Functions are only seen now, so their result is checked before anything is sent.
  if (typeof t.headers === "function") refuseBrowserCredentials(t.owner, credentialPlaces({ headers: extra }), t.dangerouslyAllowBrowser);
  const given: Record<string, string> = {};
  for (const [name, value] of extra) {
    const joined = Object.prototype.hasOwnProperty.call(given, name) ? `${given[name]}, ${value}` : value;
    // defineProperty: a header named "__proto__" stays a header.
    Object.defineProperty(given, name, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json", ...given };
  if (t.authorization) headers.Authorization = t.authorization;
  return { headers, scrubber: createSecretScrubber([...t.secrets, ...headerSecrets(extra)]) };
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function shouldRetry(error: ApiError, policy: ResolvedRetryPolicy): boolean {
  return error.retryable || (error.kind === "timeout" && policy.retryTimeouts);
}

interface Attempt {
  path: string;
  body: string;
  signal?: AbortSignal;
  timeoutMs: number;
  attempt: number;
}

async function attemptOnce(t: HttpTransport, a: Attempt): Promise<unknown> {
  const { headers, scrubber } = await buildHeaders(t);
  const release = await t.limiter.acquire(a.signal);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, a.timeoutMs);
  const onAbort = () => controller.abort(a.signal?.reason);
  a.signal?.addEventListener("abort", onAbort, { once: true });
  const base = { method: "POST", path: a.path, attempts: a.attempt + 1 };
  try {
    // Looked up per call, not captured at creation, so test doubles installed later still apply.
    const fetchImpl = t.fetch ?? globalThis.fetch;
    const response = await fetchImpl(`${t.baseUrl}${a.path}`, {
      method: "POST",
      headers,
      body: a.body,
      signal: controller.signal,
      ...(t.credentials ? { credentials: t.credentials } : {}),
    });
    const text = await response.text();
    const parsed = parseBody(text);
    if (response.ok) {
      if (!parsed.ok) throw new ApiError({ ...base, kind: "parse", status: response.status, body: scrubber.value(text.slice(0, 2000)) });
      return parsed.value;
    }
    throw new ApiError({
      ...base,
      kind: "http",
      status: response.status,
      body: scrubber.value(parsed.ok ? parsed.value : text.slice(0, 2000)),
      retryAfterMs: parseRetryAfter(response.headers.get("Retry-After")),
    });
  } catch (error) {
    if (a.signal?.aborted) throw a.signal.reason;
    // Message, stack, body and the whole cause chain leave without a credential in them.
    if (isApiError(error)) throw scrubber.value(error);
    if (timedOut) throw new ApiError({ ...base, kind: "timeout", status: 0 });
    throw scrubber.value(new ApiError({ ...base, kind: "network", status: 0, cause: error }));
  } finally {
    clearTimeout(timer);
    a.signal?.removeEventListener("abort", onAbort);
    release();
  }
}

/**
 * POSTs `body` as JSON to `path` and returns the parsed answer. Retries 429, 5xx and lost
 * connections up to `retry.retries` times, waiting `Retry-After` when the server gives one
 * (but never longer than `maxRetryAfterMs`) and a jittered exponential backoff otherwise.
 * The concurrency slot is given back while waiting, so a retrying call never blocks others.
 */
export async function postJson<T>(t: HttpTransport, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const payload = JSON.stringify(body);
  const timeoutMs = options.timeoutMs ?? t.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return (await attemptOnce(t, { path, body: payload, signal: options.signal, timeoutMs, attempt })) as T;
    } catch (error) {
      if (!isApiError(error) || attempt >= t.retry.retries || !shouldRetry(error, t.retry)) throw error;
      let delay = backoffDelay(attempt, t.retry);
      if (error.retryAfterMs !== null) {
        if (error.retryAfterMs > t.retry.maxRetryAfterMs) throw error;
        delay = retryAfterDelay(error.retryAfterMs, t.retry);
      }
      await sleep(delay, options.signal);
    }
  }
}
