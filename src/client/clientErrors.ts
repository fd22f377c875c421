/**
 * The one error type every TraceLensClient call rejects with (abort aside): PostHog's HTTP
 * failures, transport failures, and the local client's PostHog-shaped refusals.
 */

/**
 * What went wrong: an HTTP status, no response at all, a timeout, an unreadable or wrong-shaped body,
 * or a feature this server will not offer these credentials (`unsupported`: never retried).
 */
export type ApiErrorKind = "http" | "network" | "timeout" | "parse" | "unsupported";

export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body?: unknown;
  /** Milliseconds the server asked us to wait (`Retry-After`), when it said so. */
  retryAfterMs?: number | null;
  method?: string;
  /** Path only, never the host: hosts may carry credentials (`https://user:pass@…`). */
  path?: string;
  /** Requests made before giving up (1 when not retried). */
  attempts?: number;
  cause?: unknown;
  /** Overrides the message built from the body. */
  message?: string;
}

/**
 * A failed request to PostHog (or a refusal the local client makes in PostHog's words).
 * `body` is what the server sent, parsed: `{error, detail?}`, `{detail}`, a DRF field-error
 * dict such as `{"ids": ["Ensure this field has no more than 5 elements."]}`, or a DRF list.
 * Messages and bodies never carry credentials.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterMs: number | null;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(init: ApiErrorInit) {
    super(init.message ?? describeApiError(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.body = init.body ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.method = init.method ?? "POST";
    this.path = init.path ?? "";
    this.attempts = init.attempts ?? 1;
  }

  /** Whether trying again later could succeed: throttling, server errors, lost connections. */
  get retryable(): boolean {
    if (this.kind === "network") return true;
    if (this.kind !== "http") return false;
    return this.status === 429 || this.status >= 500;
  }
}

/** Type guard that also works across bundle copies (no `instanceof`). */
export function isApiError(error: unknown): error is ApiError {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "ApiError" &&
    typeof (error as { status?: unknown }).status === "number";
}

/** Whether an error is an abort (the caller's signal), which is never wrapped or retried. */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

function firstString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) for (const item of value) {
    const found = firstString(item);
    if (found !== null) return found;
  }
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) {
      const found = firstString(item);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A one-line reading of a PostHog error body, for messages. */
export function errorBodySummary(body: unknown): string | null {
  if (typeof body === "string") return body.trim() === "" ? null : body.slice(0, 300);
  if (Array.isArray(body)) return firstString(body);
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.error === "string") {
    return typeof record.detail === "string" ? `${record.error}: ${record.detail}` : record.error;
  }
  if (typeof record.detail === "string") return record.detail;
  for (const [field, value] of Object.entries(record)) {
    const text = firstString(value);
    if (text !== null) return field === "non_field_errors" ? text : `${field}: ${text}`;
  }
  return null;
}

function describeApiError(init: ApiErrorInit): string {
  const where = `${init.method ?? "POST"} ${init.path ?? ""}`.trim();
  const attempts = (init.attempts ?? 1) > 1 ? ` after ${init.attempts} attempts` : "";
  switch (init.kind) {
    case "network":
      return `${where} failed: no response (network error)${attempts}`;
    case "timeout":
      return `${where} timed out${attempts}`;
    case "parse":
      return `${where} returned ${init.status} with a body that is not valid JSON`;
    case "unsupported":
      return `${where} is not available: ${errorBodySummary(init.body) ?? "refused by the server"}`;
    default: {
      const summary = errorBodySummary(init.body);
      return `${where} failed with ${init.status}${summary ? `: ${summary}` : ""}${attempts}`;
    }
  }
}

const KEY_SHAPED = /\b(?:sk|phx|phc|phs)[-_][A-Za-z0-9*_.-]{6,}/g;

/**
 * Removes every occurrence of each secret from a value, deeply, so an error body that echoes
 * a key (a misconfigured proxy, say) cannot leak it into logs or error trackers.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((secret) => secret.length >= 4);
  // Key-shaped tokens too: providers echo masked keys ("sk-abc***xyz") in their 401 messages.
  const scrub = (text: string) =>
    live.reduce((acc, secret) => acc.split(secret).join("[redacted]"), text).replace(KEY_SHAPED, "[redacted]");
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === "string") return scrub(item);
    if (depth > 50 || typeof item !== "object" || item === null) return item;
    if (Array.isArray(item)) return item.map((entry) => walk(entry, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) {
      // defineProperty: a "__proto__" key must stay data, never become the prototype.
      Object.defineProperty(out, scrub(key), { value: walk(entry, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(value, 0) as T;
}

const SENSITIVE_HEADER = /auth|token|key|secret|cookie|session|csrf/i;

/** Values of headers that look like credentials, to be redacted wherever they might echo back. */
export function sensitiveHeaderValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name, value]) => SENSITIVE_HEADER.test(name) && value.length >= 8)
    .map(([, value]) => value);
}
