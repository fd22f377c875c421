/**
 * Error text for people. ApiError messages name the method and path ("POST /api/… failed with 500: …"),
 * which helps a log reader but not someone looking at a panel; the server's own words help both.
 */

interface ErrorLike {
  status?: unknown;
  kind?: unknown;
  body?: unknown;
  message?: unknown;
}

/** The `{error, detail}` / `{detail}` / plain-text body PostHog sends, as one line; null when it has none. */
export function errorBodyText(body: unknown): string | null {
  if (typeof body === "string") return body.trim() ? body.slice(0, 300) : null;
  if (typeof body !== "object" || body === null) return null;
  const { error, detail } = body as { error?: unknown; detail?: unknown };
  if (typeof error === "string") return typeof detail === "string" && detail !== error ? `${error}. ${detail}` : error;
  return typeof detail === "string" ? detail : null;
}

/** A sentence a person can act on, from an ApiError-shaped error or anything else thrown. */
export function readableError(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  if (e.status === 429) return "Too many requests: the server is throttling. Wait a moment, then try again.";
  if (e.kind === "network") return "No response from the server. Check the connection, then try again.";
  if (e.kind === "timeout") return "The server took too long to answer. Try again.";
  const fromBody = errorBodyText(e.body);
  if (fromBody) return fromBody;
  if (typeof e.message === "string" && e.message) return e.message;
  return typeof error === "string" && error ? error : "Something went wrong.";
}
