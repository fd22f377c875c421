/**
 * Synthetic explore data: traces in AI sessions, by several people (two of them test accounts), with
 * models, costs that are sometimes missing, latencies, spans, embeddings and errors whose messages differ
 * only in ids and numbers. Deterministic for a seed, so a failing property run can be replayed.
 */
import type { LLMTrace, LLMTraceEvent, QueryPropertyFilter } from "../../src/core/eventsTrace";

export const EXPLORE_NOW = Date.parse("2025-08-05T12:00:00Z");
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** PostHog-style team test-account filters: leave out @test.example people. */
export const TEST_ACCOUNT_FILTERS: QueryPropertyFilter[] = [{ type: "person", key: "email", operator: "not_icontains", value: "@test.example" }];

const PEOPLE = [
  { email: "ana@acme.com", tier: "pro", name: "Ana Lima" },
  { email: "bo@acme.com", tier: "free", name: "Bo" },
  { email: "chen@globex.io", tier: "pro", name: "Chen Wei" },
  { email: "dee@globex.io", tier: "enterprise", name: null },
  { email: "qa1@test.example", tier: "free", name: "QA One" },
  { email: "qa2@test.example", tier: "pro", name: null },
];
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4"];
const ERRORS = [
  (n: number) => `Rate limit exceeded for request req_${(n * 7919).toString(36)}abc, retry in ${n % 9} seconds`,
  (n: number) => `Tool call failed: tool_call_id='toolu_${(n * 104729).toString(36)}X' returned status ${400 + (n % 5)}`,
  (n: number) => ({ error: { message: `Context length ${8000 + n} exceeds 8192 tokens`, type: "invalid_request_error" } }),
  (_n: number) => "Upstream timeout",
];

/** A small seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ExploreDataOptions {
  seed?: number;
  traces?: number;
  sessions?: number;
  /** Spread over this many days before EXPLORE_NOW. */
  days?: number;
}

/** Traces as PostHog's query endpoint returns them (events complete, person objects on rows). */
export function exploreTraces(options: ExploreDataOptions = {}): LLMTrace[] {
  const random = seeded(options.seed ?? 7);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const count = options.traces ?? 48;
  const sessions = options.sessions ?? 10;
  const days = options.days ?? 12;
  const out: LLMTrace[] = [];
  for (let t = 0; t < count; t += 1) {
    const id = `trace-${options.seed ?? 7}-${String(t).padStart(3, "0")}`;
    // Whole minutes, away from day boundaries, so date windows never split a trace.
    const start = EXPLORE_NOW - Math.floor(random() * days * 24) * HOUR - (10 + Math.floor(random() * 30)) * MINUTE;
    const personIndex = Math.floor(random() * PEOPLE.length);
    const person = PEOPLE[personIndex]!;
    const session = random() < 0.8 ? `session-${Math.floor(random() * sessions)}` : null;
    const events: LLMTraceEvent[] = [];
    let at = start;
    const push = (event: string, properties: Record<string, unknown>) => {
      events.push({ id: `${id}-e${events.length}`, event, createdAt: new Date(at).toISOString(), properties: { $ai_trace_id: id, ...properties } });
      at += 1_000 + Math.floor(random() * 5_000);
    };
    const generations = 1 + Math.floor(random() * 3);
    for (let g = 0; g < generations; g += 1) {
      const failed = random() < 0.2;
      const errorText = failed ? pick(ERRORS)(Math.floor(random() * 1000)) : undefined;
      push("$ai_generation", {
        $ai_parent_id: id,
        $ai_model: pick(MODELS),
        $ai_latency: Math.round(random() * 400) / 100,
        ...(random() < 0.8 ? { $ai_total_cost_usd: Math.round((0.0001 + random() * 0.05) * 1e6) / 1e6 } : {}),
        $ai_input_tokens: Math.floor(random() * 2000),
        $ai_output_tokens: Math.floor(random() * 500),
        $ai_temperature: pick(["0", "0.2", 0.7, "1"]),
        ...(session && random() < 0.5 ? { $ai_session_id: session } : {}),
        ...(failed ? { $ai_is_error: random() < 0.5 ? true : "true", $ai_error: errorText, $ai_http_status: 429 } : {}),
      });
    }
    if (random() < 0.4) push("$ai_span", { $ai_parent_id: id, $ai_span_name: pick(["retrieve", "rerank", "tool:search"]), $ai_latency: Math.round(random() * 100) / 100 });
    if (random() < 0.3) push("$ai_embedding", { $ai_parent_id: id, $ai_model: "text-embedding-3-small", $ai_total_cost_usd: 0.00002, $ai_latency: 0.05 });
    push("$ai_trace", {
      $ai_span_name: pick(["support_chat", "rag_answer", "agent_run"]),
      ...(session ? { $ai_session_id: session } : {}),
      ...(random() < 0.5 ? { $ai_latency: Math.round(random() * 900) / 100 } : {}),
    });
    out.push({
      id,
      createdAt: new Date(start).toISOString(),
      traceName: String(events.at(-1)!.properties.$ai_span_name),
      ...(session ? { aiSessionId: session } : {}),
      person: { uuid: `person-${personIndex}`, distinct_id: `user-${personIndex}`, created_at: "2025-01-01T00:00:00Z", properties: { email: person.email, tier: person.tier, ...(person.name ? { name: person.name } : {}) } },
      events,
    });
  }
  return out;
}
