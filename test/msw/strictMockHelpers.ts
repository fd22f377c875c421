/** Shared setup for the strict-mock tests: a backend with a fixed clock, and raw requests to it. */
import type { LLMTrace } from "../../src/core/eventsTrace";
import { createPostHogMockBackend, type PostHogMockBackend, type PostHogMockOptions } from "../../src/msw/mockBackend";
import { allTraces, fakeClassifier, fakeSummarize, fakeSummarizeEvaluation } from "../client/helpers";

/** The server's "now": weeks after the newest fixture trace (2025-06-18). */
export const NOW = Date.parse("2025-08-05T12:00:00Z");
const DAY = 86_400_000;
const MINUTE = 60_000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A small trace with one user turn, whose events start at `start` and last `minutes`. */
export function datedTrace(id: string, start: number, minutes = 1, text = "this is great, thank you"): LLMTrace {
  const events = Array.from({ length: Math.max(1, minutes) }, (_, i) => ({
    id: `${id}-g${i}`,
    event: "$ai_generation",
    createdAt: iso(start + i * MINUTE),
    properties: { $ai_trace_id: id, $ai_parent_id: id, $ai_model: "gpt-4o-mini", $ai_latency: 1, $ai_input: [{ role: "user", content: text }] },
  }));
  return { id, createdAt: iso(start), traceName: id, person: { uuid: `p-${id}`, distinct_id: `d-${id}`, created_at: iso(start), properties: { email: `${id}@example.com` } }, events };
}

/** Traces at known ages before NOW, besides the fixtures. */
export const AGED = {
  sixDays: datedTrace("aged-6d", NOW - 6 * DAY),
  eightDays: datedTrace("aged-8d", NOW - 8 * DAY),
  fortyFiveDays: datedTrace("aged-45d", NOW - 45 * DAY),
};

export function strictMock(options: PostHogMockOptions = {}): PostHogMockBackend {
  return createPostHogMockBackend({
    traces: [...allTraces(), ...Object.values(AGED)],
    classifier: fakeClassifier(),
    summarize: fakeSummarize(),
    summarizeEvaluation: fakeSummarizeEvaluation,
    projectId: 2,
    now: () => NOW,
    ...options,
  });
}

export interface Answer {
  status: number;
  body: unknown;
}

/** A raw request to the backend: `path` under `/api/environments/2/` unless it starts with "/". */
export async function call(
  backend: PostHogMockBackend,
  path: string,
  body: unknown = {},
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = `https://posthog.test${path.startsWith("/") ? path : `/api/environments/2/${path}`}`;
  const method = init.method ?? "POST";
  const request = new Request(url, {
    method,
    headers: { "Content-Type": "application/json", ...init.headers },
    ...(method === "GET" || method === "HEAD" ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const outcome = await backend.handle(request);
  if (outcome.type !== "response") throw new Error("network error");
  const text = await outcome.response.text();
  return { status: outcome.response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** A query body. */
export function query(q: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { query: q, ...extra };
}

export const detailOf = (answer: Answer): string => String((answer.body as { detail?: unknown })?.detail ?? "");
