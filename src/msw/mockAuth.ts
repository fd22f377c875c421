/**
 * Authentication and API scopes as PostHog applies them to these endpoints (F-A1 … F-A9): personal
 * API keys with or without scopes, and cookie sessions with CSRF. Each check names its fact.
 */

/** A personal API key the mock knows: `scopes` omitted or empty means a legacy key from before scopes. */
export interface MockPersonalApiKey {
  key: string;
  /** e.g. `["query:read", "llm_analytics:write"]`, or `["*"]` for an all-access key. */
  scopes?: readonly string[];
}

export interface MockAuthOptions {
  /** Refuse requests without credentials (401). @default false: anonymous requests act as a logged-in session. */
  required?: boolean;
  /**
   * Personal API keys. A plain string is a modern all-access key (scopes `["*"]`), which PostHog
   * still refuses for actions with no scope (F-A5); pass `{ key, scopes: [] }` for a legacy key.
   */
  apiKeys?: ReadonlyArray<string | MockPersonalApiKey>;
  /** Name of the session cookie that logs a user in (e.g. "sessionid"). */
  sessionCookie?: string;
  /**
   * Django's CSRF check on cookie sessions (F-A9): unsafe requests need an `X-CSRFToken` header equal
   * to the `csrftoken` cookie. @default true
   */
  csrf?: boolean;
}

/** Who made a request, once authenticated. */
export type MockPrincipal =
  | { kind: "personal-api-key"; key: string; scopes: readonly string[] }
  | { kind: "session" }
  | { kind: "anonymous-session" };

export interface AuthRefusal {
  status: number;
  body: unknown;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

function knownKey(options: MockAuthOptions, token: string): MockPersonalApiKey | null {
  for (const entry of options.apiKeys ?? []) {
    const key = typeof entry === "string" ? { key: entry, scopes: ["*"] } : entry;
    if (key.key === token) return key;
  }
  return null;
}

/**
 * F-A1/F-A2 (posthog/auth.py PersonalAPIKeyAuthentication): the key comes from `Authorization:
 * Bearer <key>` (regex `^Bearer\s+(\S.+)$`), else the body's `personal_api_key`, else the query
 * string; then SessionAuthentication with its CSRF check (F-A9).
 */
export function authenticate(request: Request, body: unknown, options: MockAuthOptions | undefined): MockPrincipal | AuthRefusal {
  const auth = options ?? {};
  const header = request.headers.get("Authorization");
  const bearer = header ? /^Bearer\s+(\S.+)$/.exec(header)?.[1] : undefined;
  const fromBody = typeof body === "object" && body !== null ? (body as { personal_api_key?: unknown }).personal_api_key : undefined;
  const fromQuery = new URL(request.url).searchParams.get("personal_api_key");
  const token = bearer ?? (typeof fromBody === "string" ? fromBody : undefined) ?? fromQuery ?? undefined;
  if (token !== undefined) {
    const key = knownKey(auth, token);
    if (key) return { kind: "personal-api-key", key: key.key, scopes: key.scopes ?? [] };
    if (auth.required || auth.apiKeys) return { status: 401, body: { type: "authentication_error", code: "authentication_failed", detail: "Invalid personal API key.", attr: null } };
  }
  const cookies = parseCookies(request.headers.get("Cookie"));
  if (auth.sessionCookie && cookies.has(auth.sessionCookie)) {
    // F-A9: DRF's SessionAuthentication enforces CSRF on unsafe methods.
    if (auth.csrf !== false) {
      const expected = cookies.get("csrftoken");
      const sent = request.headers.get("X-CSRFToken");
      if (!expected || !sent || sent !== expected) {
        return { status: 403, body: { type: "authentication_error", code: "permission_denied", detail: "CSRF Failed: CSRF token missing or incorrect.", attr: null } };
      }
    }
    return { kind: "session" };
  }
  if (auth.required) return { status: 401, body: { type: "authentication_error", code: "not_authenticated", detail: "Authentication credentials were not provided.", attr: null } };
  return { kind: "anonymous-session" };
}

/**
 * The scope an action needs (F-A4, F-A6, F-A7): `create` on the llm_analytics viewsets needs
 * `llm_analytics:write`; the custom actions (summarization/batch_check, sentiment/generations) have no
 * derivable scope (null); QueryViewSet lists `create` among its read actions, so `query:read`.
 */
export function requiredScope(endpoint: string): string | null {
  if (endpoint === "query") return "query:read";
  if (endpoint === "batch_check" || endpoint === "sentiment_generations") return null;
  return "llm_analytics:write";
}

/** F-A5 (posthog/permissions.py APIScopePermission.has_permission), in its order. */
export function checkScope(principal: MockPrincipal, endpoint: string): AuthRefusal | null {
  if (principal.kind !== "personal-api-key") return null;
  // A legacy key (no scopes at all) may do anything.
  if (principal.scopes.length === 0) return null;
  const required = requiredScope(endpoint);
  // Checked before the "*" shortcut: even an all-access key is refused.
  if (required === null) {
    return { status: 403, body: { type: "authentication_error", code: "permission_denied", detail: "This action does not support Personal API Key access", attr: null } };
  }
  if (principal.scopes.includes("*")) return null;
  const [object] = required.split(":");
  const satisfied = principal.scopes.includes(required) || (required.endsWith(":read") && principal.scopes.includes(`${object}:write`));
  if (satisfied) return null;
  return { status: 403, body: { type: "authentication_error", code: "permission_denied", detail: `API key missing required scope '${required}'`, attr: null } };
}
