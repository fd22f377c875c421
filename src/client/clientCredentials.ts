/**
 * Credentials as a client is given them, in every form: an `apiKey`, headers (a plain object, a
 * `Headers`, a list of pairs, or what a headers function returns) and user-info in a URL. Finds
 * which of them are credentials, refuses them in a browser scope unless the host opted out, and
 * lists every secret value so errors can be scrubbed of them.
 */
import { detectRuntimeScope, type RuntimeScope } from "./clientRuntimeScope";
import { headerValueSecrets, MIN_SECRET_LENGTH } from "./clientSecretForms";

/** Headers in any form `fetch` accepts. */
export type HeaderEntries = Array<[string, string]>;

/** Plain pairs from whatever headers the host passed; junk entries are skipped, never thrown on. */
export function headerEntries(init: unknown): HeaderEntries {
  const entries: HeaderEntries = [];
  if (init === undefined || init === null || typeof init !== "object") return entries;
  if (Array.isArray(init)) {
    for (const pair of init) if (Array.isArray(pair) && pair.length >= 2) entries.push([String(pair[0]), String(pair[1])]);
    return entries;
  }
  const forEach = (init as { forEach?: unknown }).forEach;
  if (typeof forEach === "function" && typeof (init as { get?: unknown }).get === "function") {
    (init as Headers).forEach((value, name) => entries.push([String(name), String(value)]));
    return entries;
  }
  for (const [name, value] of Object.entries(init)) if (value !== undefined && value !== null) entries.push([name, String(value)]);
  return entries;
}

// CSRF tokens are made to be read by page script (they pair with a cookie the script cannot read).
const CSRF_NAME = /csrf|xsrf/i;
const CREDENTIAL_NAME = /^(?:proxy-)?authori[sz]ation$|^cookie$|token|key|secret|passw|credential|auth|session|jwt|signature/i;
const CREDENTIAL_VALUE = /^\s*(?:bearer|basic|digest|token|apikey|api-key|negotiate)\s+\S|\b(?:sk|phx|phs)[-_][A-Za-z0-9_.-]{6,}/i;

/** Whether a header carries a credential: by its name (Authorization, Cookie, *token*, *key*, …) or by its value (`Bearer …`, `phx_…`). */
export function isCredentialHeader(name: string, value: string): boolean {
  if (CREDENTIAL_VALUE.test(value)) return true;
  return CREDENTIAL_NAME.test(name) && !CSRF_NAME.test(name);
}

// Values of these say nothing secret and are too common to scrub from every message.
const PUBLIC_HEADER = /^(?:content-type|accept|accept-language|accept-encoding|content-language|cache-control|pragma|x-requested-with)$/i;

/** Every value the caller set in headers (but plainly public ones), with the credential parts inside them. */
export function headerSecrets(entries: HeaderEntries): string[] {
  const secrets: string[] = [];
  for (const [name, value] of entries) {
    if (PUBLIC_HEADER.test(name) && !isCredentialHeader(name, value)) continue;
    for (const part of headerValueSecrets(name, value)) if (part.length >= MIN_SECRET_LENGTH) secrets.push(part);
  }
  return secrets;
}

/** A URL split from its user-info (`https://user:pass@host` → `https://host`). */
export interface UrlCredentials {
  url: string;
  username: string;
  password: string;
  /** The user-info exactly as written, for scrubbing. */
  raw: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Finds user-info in an absolute URL the way the WHATWG parser does (the last `@` of the authority); null when there is none. */
export function urlCredentials(url: string): UrlCredentials | null {
  const match = /^(\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?[\\/]{2})([^/\\?#]*)([\s\S]*)$/.exec(url);
  if (!match) return null;
  const authority = match[2] as string;
  const at = authority.lastIndexOf("@");
  if (at < 0) return null;
  const raw = authority.slice(0, at);
  const colon = raw.indexOf(":");
  return {
    url: `${match[1]}${authority.slice(at + 1)}${match[3]}`,
    username: decode(colon < 0 ? raw : raw.slice(0, colon)),
    password: colon < 0 ? "" : decode(raw.slice(colon + 1)),
    raw,
  };
}

/** The secrets user-info gives away, in every spelling it may be echoed in. */
export function urlCredentialSecrets(credentials: UrlCredentials | null): string[] {
  if (!credentials) return [];
  const pair = `${credentials.username}:${credentials.password}`;
  // The user name alone is no secret, and scrubbing a word like "admin" from every message would garble them.
  return [credentials.raw, pair, credentials.password].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

/** Where credentials were found, in words for the refusal (never the values). */
export function credentialPlaces(input: { apiKey?: unknown; headers?: HeaderEntries; url?: UrlCredentials | null }): string[] {
  const places: string[] = [];
  if (typeof input.apiKey === "string" ? input.apiKey !== "" : input.apiKey !== undefined && input.apiKey !== null && input.apiKey !== false) places.push("an apiKey");
  for (const [name, value] of input.headers ?? []) if (isCredentialHeader(name, value)) places.push(`the ${JSON.stringify(name)} header`);
  if (input.url) places.push("user-info in the URL");
  return places;
}

/** Thrown when a credential would be handed to browser code; it names where, never the value. */
export class BrowserCredentialError extends Error {
  override readonly name = "BrowserCredentialError";
}

/**
 * Refuses credentials in a browser scope (a window, worker or worklet), where every visitor can read
 * them, unless the host passed `dangerouslyAllowBrowser: true`.
 */
export function refuseBrowserCredentials(
  who: string,
  places: readonly string[],
  dangerouslyAllowBrowser: unknown,
  scope: RuntimeScope = detectRuntimeScope(),
): void {
  if (places.length === 0 || dangerouslyAllowBrowser === true || !scope.browser) return;
  throw new BrowserCredentialError(
    `${who}: credentials must not be used in a browser, where every visitor can read them. ` +
      `Found ${places.join(", ")} in ${scope.name}. Route requests through your own backend (a same-origin ` +
      `route with credentials: "same-origin"/"include"; CSRF headers are fine), or pass dangerouslyAllowBrowser: true ` +
      "for a trusted desktop shell or kiosk.",
  );
}
