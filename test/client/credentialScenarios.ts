/**
 * Every way a credential can reach a client, and every way it could leak back out through an error,
 * as scenarios that run anywhere: in Node (a server, so credentials are accepted), and in real
 * Chromium on the main thread and in a module worker (browser scopes, so they are refused unless the
 * host opted out). Each scenario reports what happened; the tests decide what should have.
 */
import { createPostHogClient, type PostHogClientOptions } from "../../src/client/clientPostHog";
import { openAICompatibleSummarizer, type OpenAICompatibleSummarizerOptions } from "../../src/client/clientSummarizerOpenAI";

export const KEY = "phx_scenario_secret_key_0123456789";

export interface ScenarioOutcome {
  name: string;
  /** The scenario gives a credential (so a browser scope must refuse it without the opt-out). */
  credential: boolean;
  /** Refused with the browser-credential error, at creation or before the request. */
  refused: boolean;
  /** A request reached `fetch`. */
  sent: boolean;
  /** Header names that reached `fetch`, lower-cased. */
  sentHeaders: string[];
  /** Everything the error carried (message, stack, body, causes), searched for the secret. */
  errorText: string;
  /** The secret (or one of its encodings) showed up somewhere in the error. */
  leaked: boolean;
}

const ok = () => new Response(JSON.stringify({ results: [], hasMore: false, choices: [] }), { status: 200, headers: { "Content-Type": "application/json" } });

/** Every string reachable from an error: own fields, prototype message/name, causes, nested errors; cycles end. */
export function errorStrings(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") parts.push(item);
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    for (const key of ["message", "stack", "name", "cause", "body"]) {
      try {
        stack.push((item as Record<string, unknown>)[key]);
      } catch {
        // unreadable
      }
    }
    for (const key of Reflect.ownKeys(item)) {
      if (typeof key === "symbol") continue;
      try {
        stack.push((item as Record<string, unknown>)[key]);
      } catch {
        // unreadable
      }
    }
  }
  return parts.join("\n");
}

const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The secret and the encodings a leak would use. */
export function leakForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), b64(secret), b64(`x${secret}`).slice(4, -4), b64(`xy${secret}`).slice(4, -4)];
  return forms.filter((f) => f.length >= 8);
}

export const leaks = (text: string, secrets: readonly string[]) => secrets.some((secret) => leakForms(secret).some((form) => text.includes(form)));

interface Scenario {
  name: string;
  credential: boolean;
  secrets: string[];
  run(fetchImpl: typeof fetch): Promise<unknown>;
}

const posthog = (extra: Partial<PostHogClientOptions>) => (fetchImpl: typeof fetch) =>
  createPostHogClient({ host: "https://posthog.example", projectId: 1, retry: { retries: 0 }, fetch: fetchImpl, ...extra }).listTraces({ limit: 1 });

const summarizer = (extra: Partial<OpenAICompatibleSummarizerOptions>) => (fetchImpl: typeof fetch) =>
  openAICompatibleSummarizer({ baseUrl: "https://llm.example/v1", model: "m", fetch: fetchImpl, ...extra })({ text: "L1: hi", mode: "minimal", model: "" } as never);

function credentialScenarios(allow: boolean): Scenario[] {
  const o = allow ? { dangerouslyAllowBrowser: true } : {};
  const cases: Array<[string, Partial<PostHogClientOptions>, string]> = [
    ["apiKey", { apiKey: KEY }, KEY],
    ["Authorization header (object)", { headers: { Authorization: `Bearer ${KEY}` } }, KEY],
    ["lower-case authorization (Headers instance)", { headers: new Headers({ authorization: `Bearer ${KEY}` }) }, KEY],
    ["X-API-Key header (tuples)", { headers: [["X-API-Key", "tenant-key-987654321"]] }, "tenant-key-987654321"],
    ["*-token header", { headers: { "X-Session-Token": "session-token-987654321" } }, "session-token-987654321"],
    ["*key* header", { headers: { "X-Partner-Keyring": "partner-987654321" } }, "partner-987654321"],
    ["Cookie header", { headers: { Cookie: "sessionid=cookie-secret-987654321" } }, "cookie-secret-987654321"],
    ["Bearer phx_ under a neutral name", { headers: { "X-Forwarded-Thing": `Bearer ${KEY}` } }, KEY],
    ["headers function returning Authorization", { headers: () => ({ Authorization: `Bearer ${KEY}` }) }, KEY],
    ["async headers function returning a Headers", { headers: async () => new Headers([["X-Api-Key", KEY]]) }, KEY],
    ["URL user-info", { host: "https://admin:url-password-987654321@posthog.example" }, "url-password-987654321"],
  ];
  const summarizerCases: Array<[string, Partial<OpenAICompatibleSummarizerOptions>, string]> = [
    ["summarizer apiKey", { apiKey: KEY }, KEY],
    ["summarizer Authorization header", { headers: { Authorization: `Bearer ${KEY}` } }, KEY],
    ["summarizer headers function", { headers: () => [["api-key", KEY]] }, KEY],
    ["summarizer URL user-info", { baseUrl: "https://admin:url-password-987654321@llm.example/v1" }, "url-password-987654321"],
  ];
  return [
    ...cases.map(([name, extra, secret]) => ({ name, credential: true, secrets: [secret], run: posthog({ ...extra, ...o }) })),
    ...summarizerCases.map(([name, extra, secret]) => ({ name, credential: true, secrets: [secret], run: summarizer({ ...extra, ...o }) })),
  ];
}

const harmless: Scenario[] = [
  { name: "no credentials", credential: false, secrets: [], run: posthog({}) },
  { name: "session cookie through credentials: include", credential: false, secrets: [], run: posthog({ credentials: "include" }) },
  { name: "CSRF header", credential: false, secrets: [], run: posthog({ headers: () => ({ "X-CSRFToken": "csrf-987654321" }) }) },
  { name: "summarizer without a key (a local model)", credential: false, secrets: [], run: summarizer({}) },
];

/** Runs each scenario once, with a fetch that records what it was asked to send. */
export async function runCredentialScenarios(options: { allow: boolean }): Promise<ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of [...credentialScenarios(options.allow), ...harmless]) {
    let sent = false;
    let sentHeaders: string[] = [];
    const fetchImpl: typeof fetch = async (_input, init) => {
      sent = true;
      sentHeaders = [...new Headers(init?.headers).keys()];
      return ok();
    };
    let error: unknown = null;
    try {
      await scenario.run(fetchImpl);
    } catch (caught) {
      error = caught;
    }
    const errorText = error === null ? "" : errorStrings(error);
    outcomes.push({
      name: scenario.name,
      credential: scenario.credential,
      refused: (error as { name?: unknown } | null)?.name === "BrowserCredentialError",
      sent,
      sentHeaders,
      errorText,
      leaked: leaks(errorText, scenario.secrets),
    });
  }
  return outcomes;
}

/** A custom fetch that fails in every way that quotes what it was sent: message, cause chain with a cycle, extra fields, encodings. */
export function leakyFetch(): typeof fetch {
  return async (input, init) => {
    const headers = [...new Headers(init?.headers)].map(([k, v]) => `${k}: ${v}`).join("; ");
    const inner = new Error(`socket closed while sending ${headers}`);
    const outer = new TypeError(`fetch failed for ${String(input)}`, { cause: inner });
    (inner as { cause?: unknown }).cause = outer; // a cycle
    Object.assign(outer, {
      config: { url: String(input), headers: Object.fromEntries(new Headers(init?.headers)) },
      encoded: [...new Headers(init?.headers)].map(([, v]) => [encodeURIComponent(v), b64(v), encodeURIComponent(v).toLowerCase()]),
      errors: [new RangeError(`retry with ${headers}`)],
    });
    throw outer;
  };
}

/** Scenarios where a request goes out (opt-out set) and fails loudly; the error must carry no secret. */
export async function runLeakScenarios(): Promise<Array<{ name: string; sent: boolean; leaked: boolean; errorText: string }>> {
  const allow = { dangerouslyAllowBrowser: true };
  const cases: Array<[string, (f: typeof fetch) => Promise<unknown>, string]> = [
    ["apiKey through a leaky fetch", posthog({ apiKey: KEY, ...allow }), KEY],
    ["a custom header name through a leaky fetch", posthog({ headers: { "X-Tenant": "tenant-value-55555" }, ...allow }), "tenant-value-55555"],
    ["a headers function through a leaky fetch", posthog({ headers: async () => [["X-Org-Secret", "org-value-55555"]], ...allow }), "org-value-55555"],
    ["summarizer key through a leaky fetch", summarizer({ apiKey: KEY, ...allow }), KEY],
    ["summarizer custom header through a leaky fetch", summarizer({ headers: { "X-Tenant": "tenant-value-55555" }, ...allow }), "tenant-value-55555"],
  ];
  const results = [];
  for (const [name, run, secret] of cases) {
    let sent = false;
    const leaky = leakyFetch();
    let error: unknown = null;
    try {
      await run((input, init) => {
        sent = true;
        return leaky(input, init);
      });
    } catch (caught) {
      error = caught;
    }
    const errorText = errorStrings(error);
    results.push({ name, sent, leaked: leaks(errorText, [secret]) || errorText.includes(secret.toLowerCase()), errorText });
  }
  return results;
}
