/**
 * A strict mock of PostHog's LLM-analytics API as a plain `Request → Response` function. It enforces
 * PostHog's own rules, written from shared/spec/posthog-contract.md rather than from the client:
 * routing (F-R*), authentication and scopes (F-A*), serializers (F-D*, F-S1, F-T1, F-M*, F-E1), query
 * schemas with unknown keys refused (F-Q*), and the date windows of lookups by id. It imports no msw,
 * so it also runs behind a node:http server; `postHogHandlers` wraps it for msw.
 */
import { createLocalClient, type LocalClientOptions } from "../client/clientLocal";
import type { TraceLensClient } from "../client/clientTypes";
import { authenticate, checkScope, type MockAuthOptions } from "./mockAuth";
import { SERVER_ERROR_BODIES, runEndpoint, type MockReply } from "./mockBackendEndpoints";
import { MockFaultTable, type MockEndpoint, type MockFault, type MockFaultRule } from "./mockFaults";
import { resolveProfile, type MockProfileName, type MockServerProfile } from "./mockProfiles";
import { matchRoute } from "./mockRoutes";
import { createMockStats, type MockStats } from "./mockStats";
import { createMockStore } from "./mockStore";
import type { TestAccountRule } from "../core/exploreEvents";
import type { MockTeam } from "./mockExploreQueries";

export interface PostHogMockOptions extends Partial<LocalClientOptions> {
  /**
   * The client that computes sentiment, text and summaries; by default a local client over `traces`,
   * `classifier`, `summarize`, `summarizeEvaluation`. The query endpoint always answers from `traces`
   * itself, so PostHog's windows and filters apply to events.
   */
  client?: TraceLensClient;
  /** When set, requests for any other project id get 404 ("@current" always matches). */
  projectId?: string | number;
  /** Credentials as PostHog checks them: personal API keys with scopes, session cookies with CSRF. */
  auth?: MockAuthOptions;
  /** False makes summarization, batch_check and evaluation_summary answer 403 (F-A8). @default true */
  aiProcessingApproved?: boolean;
  /** Which PostHog to play: "latest", "legacy" (no `includeSentiment`), or a custom profile. @default "latest" */
  profile?: MockProfileName | MockServerProfile;
  /** The server's clock, so windows can be tested against traces of any age. Also the local client's clock. @default Date.now */
  now?: () => number;
  /** Added before every answer, in ms: a number or a function of the endpoint. @default 0 */
  latencyMs?: number | ((endpoint: MockEndpoint) => number);
  /** Fault rules active from the start. */
  faults?: MockFaultRule[];
  /** Random source for fault probabilities. @default Math.random */
  random?: () => number;
  /**
   * The team's `test_account_filters` (PostHog's team setting): what `filterTestAccounts` leaves out, in
   * TracesQuery, HogQL `{filters}`, TrendsQuery and TraceNeighborsQuery. Without it, as for a team with
   * none, the flag changes nothing. Property filters, or a check on one event.
   */
  testAccountFilters?: TestAccountRule;
  /** Cohort membership for cohort filters (`true` when the person is in the cohort, `undefined` for an unknown cohort). */
  inCohort?: MockTeam["inCohort"];
}

/** What the backend does with one request: answer it, or drop the connection. */
export type MockOutcome = { type: "response"; response: Response } | { type: "network-error" };

export interface PostHogMockBackend {
  /** Answers one request as PostHog would (or as the active faults dictate). `cookies` stand in for a browser's cookie jar. */
  handle(request: Request, cookies?: Record<string, string>): Promise<MockOutcome>;
  /** Adds a fault rule; rules are tried in the order added. */
  addFault(rule: MockFaultRule): void;
  clearFaults(): void;
  setLatency(latency: PostHogMockOptions["latencyMs"]): void;
  setAiProcessingApproved(approved: boolean): void;
  setProfile(profile: MockProfileName | MockServerProfile): void;
  /** Moves the server's clock (epoch ms, or a function). */
  setNow(now: number | (() => number)): void;
  /** Requests seen, in flight and at most at once, with any contract warnings. */
  readonly stats: MockStats;
  readonly client: TraceLensClient;
  readonly profile: MockServerProfile;
}

/** F-A8 (summarization.py / evaluation_summary.py _validate_feature_access). */
const AI_GATED = new Set<MockEndpoint>(["summarization", "batch_check", "evaluation_summary"]);

function json(reply: MockReply): Response {
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { "Content-Type": "application/json", ...reply.headers } });
}

function respond(reply: MockReply): MockOutcome {
  return { type: "response", response: json(reply) };
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

function faultReply(endpoint: MockEndpoint, fault: Extract<MockFault, { kind: "status" }>): MockReply {
  if (fault.status === 429) {
    const seconds = fault.retryAfterSeconds ?? 1;
    const body = fault.body ?? { detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? "" : "s"}.` };
    return { status: 429, body, headers: { "Retry-After": String(seconds) } };
  }
  return { status: fault.status, body: fault.body ?? (fault.status >= 500 ? SERVER_ERROR_BODIES[endpoint] : { detail: "Injected fault" }) };
}

function withCookies(request: Request, cookies: Record<string, string> | undefined): Request {
  if (!cookies || Object.keys(cookies).length === 0 || request.headers.has("Cookie")) return request;
  const headers = new Headers(request.headers);
  headers.set("Cookie", Object.entries(cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; "));
  return new Request(request, { headers });
}

/**
 * A strict mock PostHog backend over a local client (or any TraceLensClient) and the host's traces.
 *
 * @example
 * const backend = createPostHogMockBackend({ traces, classifier, profile: "legacy", now: () => Date.parse("2025-06-10") });
 * backend.addFault({ endpoint: "sentiment", fault: mockFaults.throttle(1), times: 1 });
 */
export function createPostHogMockBackend(options: PostHogMockOptions = {}): PostHogMockBackend {
  let clock: () => number = options.now ?? Date.now;
  const now = () => clock();
  const traces = options.traces ?? [];
  const client = options.client ?? createLocalClient({ ...options, traces, now });
  const store = createMockStore(traces);
  const faults = new MockFaultTable(options.random);
  for (const rule of options.faults ?? []) faults.add(rule);
  let latency = options.latencyMs ?? 0;
  let aiApproved = options.aiProcessingApproved ?? true;
  let profile = resolveProfile(options.profile);
  const stats = createMockStats();
  const team: MockTeam = { ...(options.testAccountFilters ? { testAccounts: options.testAccountFilters } : {}), ...(options.inCohort ? { inCohort: options.inCohort } : {}) };

  async function answer(request: Request, endpoint: MockEndpoint, body: unknown): Promise<MockOutcome> {
    // F-A3 (posthog/api/routing.py get_permissions): authenticated first, then the API scope, then the
    // view's own checks (AI approval, F-A8), then the serializer.
    const principal = authenticate(request, body, options.auth);
    if ("status" in principal) return respond(principal);
    const denied = checkScope(principal, endpoint);
    if (denied) return respond(denied);
    if (AI_GATED.has(endpoint) && !aiApproved) {
      const detail = "AI data processing must be approved by your organization before using summarization";
      return respond({ status: 403, body: { type: "authentication_error", code: "permission_denied", detail, attr: null } });
    }
    const fault = faults.take(endpoint, body);
    if (fault?.kind === "network-error") return { type: "network-error" };
    if (fault?.kind === "status") return respond(faultReply(endpoint, fault));
    if (fault?.kind === "delay") await wait(fault.ms, request.signal);
    if (fault?.kind === "malformed-json") {
      return { type: "response", response: new Response('{"results": {"truncated', { status: fault.status ?? 200, headers: { "Content-Type": "application/json" } }) };
    }
    if (fault?.kind === "body") return respond({ status: fault.status ?? 200, body: fault.body, headers: fault.headers });
    return respond(await runEndpoint(endpoint, { client, store, profile, now: now(), signal: request.signal, team }, body));
  }

  return {
    client,
    stats,
    get profile() {
      return profile;
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setLatency: (next) => {
      latency = next ?? 0;
    },
    setAiProcessingApproved: (approved) => {
      aiApproved = approved;
    },
    setProfile: (next) => {
      profile = resolveProfile(next);
    },
    setNow: (next) => {
      clock = typeof next === "function" ? next : () => next;
    },
    async handle(incoming, cookies) {
      const request = withCookies(incoming, cookies);
      const route = matchRoute(request.method, new URL(request.url).pathname, options.projectId);
      if (!route.ok) return respond({ status: route.status, body: route.body });
      const text = await request.text();
      let body: unknown;
      try {
        // F-D2: invalid JSON → 400 "JSON parse error"; an empty body reads as an empty dict.
        body = text === "" ? {} : JSON.parse(text);
      } catch (error) {
        return respond({ status: 400, body: { type: "validation_error", code: "parse_error", detail: `JSON parse error - ${(error as Error).message}`, attr: null } });
      }
      const done = stats.start(route.endpoint, body, route.warning);
      try {
        await wait(typeof latency === "function" ? latency(route.endpoint) : latency, request.signal);
        return await answer(request, route.endpoint, body);
      } finally {
        done();
      }
    },
  };
}
