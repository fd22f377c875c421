/**
 * The one error type every TraceLensClient call rejects with (abort aside): PostHog's HTTP
 * failures, transport failures, and the local client's PostHog-shaped refusals.
 */
import { headerEntries, headerSecrets } from "./clientCredentials";
import { createSecretScrubber } from "./clientSecretScrub";

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

/**
 * The first string in a value, depth first, in key order. Iterative and unlimited in depth, like the
 * scrubber that runs before it, so a message never reaches a string the scrubber did not.
 */
function firstString(value: unknown): string | null {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") return item;
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    const children = Array.isArray(item) ? item : Object.values(item);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
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

/**
 * Removes every form of each secret (as given, percent-encoded, JSON-escaped, base64) and every
 * key-shaped token from a value, at any depth, so an error body that echoes a key (a misconfigured
 * proxy, say) cannot leak it into logs or error trackers. Errors inside are copied, scrubbed.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  return createSecretScrubber(secrets).value(value);
}

/** Values of the headers a caller set (plainly public ones aside), to be redacted wherever they might echo back. */
export function sensitiveHeaderValues(headers: unknown): string[] {
  return headerSecrets(headerEntries(headers));
}
