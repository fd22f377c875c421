/**
 * A mock of PostHog's LLM-analytics API as a plain `Request → Response` function, with auth,
 * AI-consent checks, latency, fault injection and request statistics. It imports no msw, so
 * the same backend also runs behind a node:http server; `postHogHandlers` wraps it for msw.
 */
import { createLocalClient, type LocalClientOptions } from "../client/clientLocal";
import type { TraceLensClient } from "../client/clientTypes";
import { SERVER_ERROR_BODIES, runEndpoint, type MockReply } from "./mockBackendEndpoints";
import { MockFaultTable, type MockEndpoint, type MockFault, type MockFaultRule } from "./mockFaults";
import { createMockStats, type MockStats } from "./mockStats";

export interface PostHogMockOptions extends Partial<LocalClientOptions> {
  /** The client that answers; by default a local client over `traces`, `classifier`, `summarize`, `summarizeEvaluation`. */
  client?: TraceLensClient;
  /** When set, requests for any other project id get 404. */
  projectId?: string | number;
  /**
   * Auth as PostHog applies it. With `required`, a request needs `Authorization: Bearer <key>`
   * (one of `apiKeys`, when given) or the `sessionCookie` cookie; otherwise 401.
   */
  auth?: { required?: boolean; apiKeys?: string[]; sessionCookie?: string };
  /** False makes summarization, batch_check and evaluation_summary answer 403, as for an org without AI consent. @default true */
  aiProcessingApproved?: boolean;
  /** Added before every answer, in ms: a number or a function of the endpoint. @default 0 */
  latencyMs?: number | ((endpoint: MockEndpoint) => number);
  /** Fault rules active from the start. */
  faults?: MockFaultRule[];
  /** Random source for fault probabilities. @default Math.random */
  random?: () => number;
}

/** What the backend does with one request: answer it, or drop the connection. */
export type MockOutcome = { type: "response"; response: Response } | { type: "network-error" };

export interface PostHogMockBackend {
  /** Answers one request as PostHog would (or as the active faults dictate). */
  handle(request: Request): Promise<MockOutcome>;
  /** Adds a fault rule; rules are tried in the order added. */
  addFault(rule: MockFaultRule): void;
  clearFaults(): void;
  setLatency(latency: PostHogMockOptions["latencyMs"]): void;
  setAiProcessingApproved(approved: boolean): void;
  /** Requests seen, in flight and at most at once. */
  readonly stats: MockStats;
  readonly client: TraceLensClient;
}

// Not anchored at the start: hosts often mount PostHog behind a proxy prefix such as /posthog.
const ROUTE = /\/api\/(?:environments|projects)\/([^/]+)\/(query|llm_analytics\/(?:sentiment|text_repr|summarization\/batch_check|summarization|evaluation_summary))\/?$/;
const ENDPOINTS: Record<string, MockEndpoint> = {
  query: "query",
  "llm_analytics/sentiment": "sentiment",
  "llm_analytics/text_repr": "text_repr",
  "llm_analytics/summarization": "summarization",
  "llm_analytics/summarization/batch_check": "batch_check",
  "llm_analytics/evaluation_summary": "evaluation_summary",
};
const AI_GATED = new Set<MockEndpoint>(["summarization", "batch_check", "evaluation_summary"]);

function json(reply: MockReply): Response {
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { "Content-Type": "application/json", ...reply.headers },
  });
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

function authProblem(request: Request, auth: PostHogMockOptions["auth"]): MockReply | null {
  if (!auth?.required) return null;
  const header = request.headers.get("Authorization");
  if (header) {
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (token && (!auth.apiKeys || auth.apiKeys.includes(token))) return null;
    return { status: 401, body: { detail: "Invalid personal API key." } };
  }
  const cookie = request.headers.get("Cookie") ?? "";
  if (auth.sessionCookie && cookie.split(/;\s*/).some((c) => c.startsWith(`${auth.sessionCookie}=`))) return null;
  return { status: 401, body: { detail: "Authentication credentials were not provided." } };
}

/**
 * A mock PostHog backend over a local client (or any TraceLensClient).
 *
 * @example
 * const backend = createPostHogMockBackend({ traces, classifier, latencyMs: 50 });
 * backend.addFault({ endpoint: "sentiment", fault: mockFaults.throttle(1), times: 1 });
 */
export function createPostHogMockBackend(options: PostHogMockOptions = {}): PostHogMockBackend {
  const client = options.client ?? createLocalClient({ ...options, traces: options.traces ?? [] });
  const faults = new MockFaultTable(options.random);
  for (const rule of options.faults ?? []) faults.add(rule);
  let latency = options.latencyMs ?? 0;
  let aiApproved = options.aiProcessingApproved ?? true;
  const stats = createMockStats();

  async function answer(request: Request, endpoint: MockEndpoint, body: unknown): Promise<MockOutcome> {
    const denied = authProblem(request, options.auth);
    if (denied) return { type: "response", response: json(denied) };
    if (AI_GATED.has(endpoint) && !aiApproved) {
      const detail = "AI data processing must be approved by your organization before using summarization";
      return { type: "response", response: json({ status: 403, body: { detail } }) };
    }
    const fault = faults.take(endpoint, body);
    if (fault?.kind === "network-error") return { type: "network-error" };
    if (fault?.kind === "status") return { type: "response", response: json(faultReply(endpoint, fault)) };
    if (fault?.kind === "delay") await wait(fault.ms, request.signal);
    if (fault?.kind === "malformed-json") {
      return { type: "response", response: new Response('{"results": {"truncated', { status: fault.status ?? 200, headers: { "Content-Type": "application/json" } }) };
    }
    return { type: "response", response: json(await runEndpoint(endpoint, client, body, request.signal)) };
  }

  return {
    client,
    stats,
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setLatency: (next) => {
      latency = next ?? 0;
    },
    setAiProcessingApproved: (approved) => {
      aiApproved = approved;
    },
    async handle(request) {
      const match = ROUTE.exec(new URL(request.url).pathname);
      if (!match) return { type: "response", response: json({ status: 404, body: { detail: "Not found." } }) };
      const endpoint = ENDPOINTS[match[2]!]!;
      if (options.projectId !== undefined && decodeURIComponent(match[1]!) !== String(options.projectId)) {
        return { type: "response", response: json({ status: 404, body: { detail: "Project not found." } }) };
      }
      if (request.method !== "POST") {
        return { type: "response", response: json({ status: 405, body: { detail: `Method "${request.method}" not allowed.` } }) };
      }
      const text = await request.text();
      let body: unknown;
      try {
        body = text === "" ? {} : JSON.parse(text);
      } catch {
        return { type: "response", response: json({ status: 400, body: { detail: "JSON parse error - the body is not valid JSON" } }) };
      }
      const done = stats.start(endpoint, body);
      try {
        await wait(typeof latency === "function" ? latency(endpoint) : latency, request.signal);
        return await answer(request, endpoint, body);
      } finally {
        done();
      }
    },
  };
}
