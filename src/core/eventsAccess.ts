/**
 * Defensive readers for `$ai_*` property bags. Properties arrive from hosts, SDKs and
 * ClickHouse JSON, so every reader accepts `unknown` and never throws.
 */

/** A plain JSON-ish object (not an array, not null). */
export type PropertyBag = Record<string, unknown>;

/** True for non-null, non-array objects. */
export function isPropertyBag(value: unknown): value is PropertyBag {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string, or a finite number turned into one; anything else is `null`. */
export function readId(value: unknown): string | null {
  if (typeof value === "string") return value.length > 0 ? value : null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** A string value, or `null` for any other type. Empty strings are kept. */
export function readString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/**
 * A finite number. Numeric strings are accepted because some SDKs and CSV imports send
 * `"1.25"` for `$ai_latency` or token counts.
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** PostHog booleans are sometimes sent as the strings `"true"` / `"false"`. */
export function readBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return null;
}

/**
 * Milliseconds since the epoch for an ISO string or a number (treated as milliseconds),
 * `null` when it cannot be parsed.
 */
export function readTimestampMs(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value === "") return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Whether an event counts as errored: `$ai_is_error` truthy, or a non-empty `$ai_error`.
 * This matches how PostHog's trace list counted errors on the client.
 */
export function isErroredProperties(properties: PropertyBag): boolean {
  const flag = readBoolean(properties.$ai_is_error);
  if (flag === true) return true;
  const error = properties.$ai_error;
  if (error === undefined || error === null || error === false || error === "") return false;
  return true;
}

/**
 * `JSON.stringify` that never throws (deeply nested values overflow V8's recursive
 * serializer; BigInt is rejected). Falls back to `fallback`.
 */
export function safeJsonStringify(value: unknown, fallback = ""): string {
  if (value === undefined) return fallback;
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" ? text : fallback;
  } catch {
    return fallback;
  }
}

/** `JSON.parse` that returns `undefined` instead of throwing. */
export function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
