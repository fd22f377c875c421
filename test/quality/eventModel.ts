/**
 * fast-check arbitraries generated from the `$ai_*` event model rather than picked by hand: a
 * trace is a set of generations, spans, embeddings, evaluations, metrics and feedback whose parent
 * links form a tree, and then the world happens to it: exact duplicates (at-least-once delivery),
 * ids reused by different events, parents that do not exist, parent cycles, `null`s and junk in
 * the event list, and fields of the wrong type anywhere (ids as numbers, names as objects,
 * `Infinity` and `1e308` for numbers).
 */
import fc from "fast-check";
import type { LLMTrace } from "../../src/core";

/** Values of the wrong type for any field. */
export const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(42, -1, 0, NaN, Infinity, -Infinity, 1e308, -0),
  fc.boolean(),
  fc.constant(""),
  fc.constant({ nested: { deeper: [1, "two"] } }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.string({ maxLength: 12 }),
);

/** A field that is right most of the time. */
const field = <T>(right: fc.Arbitrary<T>, text: fc.Arbitrary<string>) => fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: text });

const KINDS = ["$ai_generation", "$ai_span", "$ai_embedding", "$ai_evaluation", "$ai_metric", "$ai_feedback"] as const;

interface Spec {
  kind: (typeof KINDS)[number];
  /** Index of the parent among earlier specs, -1 for the trace, or a "wild" reference. */
  parent: number;
  wildParent: "none" | "missing" | "forward";
  seconds: number;
  latency: unknown;
  tokens: [unknown, unknown];
  cost: unknown;
  name: unknown;
  model: unknown;
  input: unknown;
  output: unknown;
  error: unknown;
}

/**
 * Generated traces. `text` supplies every free-text value (plain strings for robustness, hostile
 * payloads for the XSS suite).
 */
export function eventModelTrace(text: fc.Arbitrary<string> = fc.string({ maxLength: 20 }), maxEvents = 10): fc.Arbitrary<LLMTrace> {
  const message = fc.record({ role: field(fc.constantFrom("user", "assistant", "system", "tool"), text), content: field(text, text) }, { requiredKeys: [] });
  const spec: fc.Arbitrary<Spec> = fc.record({
    kind: fc.constantFrom(...KINDS),
    parent: fc.integer({ min: -1, max: maxEvents }),
    wildParent: fc.constantFrom("none", "none", "none", "missing", "forward"),
    seconds: fc.integer({ min: 0, max: 120 }),
    latency: field(fc.double({ min: 0, max: 30, noNaN: true }), text),
    tokens: fc.tuple(field(fc.nat(5000), text), field(fc.nat(5000), text)),
    cost: field(fc.double({ min: 0, max: 1, noNaN: true }), text),
    name: field(text, text),
    model: field(fc.constantFrom("gpt-4o", "claude-3", "m"), text),
    input: field(fc.array(message, { maxLength: 3 }), text),
    output: field(fc.array(message, { maxLength: 2 }), text),
    error: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: field(text, text) }),
  });
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("reuse-id" as const), at: fc.nat(), tokens: fc.nat(100) }),
    fc.record({ kind: fc.constant("junk" as const), at: fc.nat(), value: fc.constantFrom(null, "event", 7, [], true) }),
    fc.record({ kind: fc.constant("wrong-id" as const), at: fc.nat(), value: wrongType }),
    fc.record({ kind: fc.constant("cycle" as const), at: fc.nat(), to: fc.nat() }),
  );
  return fc
    .record({
      id: field(fc.constantFrom("trace-a", "trace-b"), text),
      specs: fc.array(spec, { maxLength: maxEvents }),
      mutations: fc.array(mutation, { maxLength: 5 }),
      traceName: field(text, text),
      aiSessionId: field(fc.constantFrom("session-1", "session-2"), text),
      distinctId: field(text, text),
      totalLatency: field(fc.double({ min: 0, max: 60, noNaN: true }), text),
      person: fc.oneof(wrongType, fc.record({ distinct_id: field(text, text), properties: fc.oneof(wrongType, fc.record({ email: field(text, text), name: field(text, text) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    })
    .map(({ id, specs, mutations, ...rest }) => {
      const traceId = typeof id === "string" && id ? id : "trace-a";
      const nodeId = (i: number) => `${traceId}-n${i}`;
      const events: unknown[] = specs.map((s, i) => {
        const parent =
          s.wildParent === "missing" ? `${traceId}-missing` : s.wildParent === "forward" ? nodeId((i + 1) % Math.max(1, specs.length)) : s.parent >= 0 && s.parent < i ? nodeId(s.parent) : traceId;
        const own = s.kind === "$ai_generation" ? { $ai_generation_id: nodeId(i) } : s.kind === "$ai_span" || s.kind === "$ai_embedding" ? { $ai_span_id: nodeId(i) } : {};
        const annotation =
          s.kind === "$ai_evaluation"
            ? { $ai_target_event_id: `${traceId}-e${Math.max(0, s.parent)}`, $ai_evaluation_name: s.name, $ai_evaluation_result: s.tokens[0] }
            : s.kind === "$ai_metric"
              ? { $ai_metric_name: s.name, $ai_metric_value: s.cost }
              : s.kind === "$ai_feedback"
                ? { $ai_feedback_text: s.name }
                : {};
        return {
          id: `${traceId}-e${i}`,
          event: s.kind,
          createdAt: new Date(Date.UTC(2025, 5, 1, 12, 0, s.seconds)).toISOString(),
          properties: {
            $ai_trace_id: traceId,
            $ai_parent_id: parent,
            ...own,
            ...annotation,
            $ai_span_name: s.kind === "$ai_span" ? s.name : undefined,
            $ai_model: s.model,
            $ai_latency: s.latency,
            $ai_input_tokens: s.tokens[0],
            $ai_output_tokens: s.tokens[1],
            $ai_total_cost_usd: s.cost,
            $ai_input: s.kind === "$ai_span" ? undefined : s.input,
            $ai_output_choices: s.kind === "$ai_generation" ? s.output : undefined,
            $ai_input_state: s.kind === "$ai_span" ? s.input : undefined,
            $ai_error: s.error,
            $ai_is_error: s.error !== undefined,
          },
        };
      });
      for (const m of mutations) {
        if (events.length === 0) break;
        const at = m.at % events.length;
        const target = events[at] as { id: unknown; properties: Record<string, unknown> } | null;
        if (m.kind === "junk") events.splice(at, 0, m.value);
        else if (!target || typeof target !== "object" || Array.isArray(target) || typeof target.properties !== "object") continue;
        else if (m.kind === "duplicate") events.push(structuredClone(target));
        else if (m.kind === "reuse-id") events.push({ ...target, properties: { ...target.properties, $ai_input_tokens: m.tokens, $ai_generation_id: undefined, $ai_span_id: undefined } });
        else if (m.kind === "wrong-id") target.id = m.value;
        else if (m.kind === "cycle") target.properties = { ...target.properties, $ai_parent_id: nodeId(m.to % specs.length), $ai_span_id: target.properties.$ai_span_id ?? nodeId(at) };
      }
      return { id, createdAt: new Date(Date.UTC(2025, 5, 1, 12)).toISOString(), events, ...rest } as unknown as LLMTrace;
    });
}

/** Several generated traces, some sharing a session. */
export const eventModelTraces = (text?: fc.Arbitrary<string>) => fc.array(eventModelTrace(text, 6), { minLength: 1, maxLength: 4 });
