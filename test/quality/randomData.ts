/**
 * fast-check arbitraries for what hosts and APIs actually hand tracelens: trace and event shapes
 * that are mostly right, partly wrong and sometimes absurd (wrong types, missing ids, cycles of
 * parent ids, huge numbers, hostile strings), so robustness is tested where bugs live.
 */
import fc from "fast-check";
import { HOSTILE_STRINGS } from "./hostileData";

const text = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS.slice(0, 80), ...HOSTILE_STRINGS.slice(-25)), fc.constant(""));
const weird = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1),
  fc.boolean(),
  text,
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 3 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: weird });

const ids = fc.constantFrom("t1", "t2", "s1", "s2", "g1", "g2", "", "__proto__", "constructor");
const role = fc.constantFrom("user", "assistant", "system", "tool", "function", "developer", "model", "🙂", "");
const content = fc.oneof(
  text,
  fc.array(
    fc.oneof(
      fc.record({ type: fc.constant("text"), text: maybe(text) }),
      fc.record({ type: fc.constant("image_url"), image_url: maybe(fc.record({ url: maybe(text) })) }),
      fc.record({ type: fc.constant("tool_use"), id: maybe(text), name: maybe(text), input: weird }),
      fc.record({ type: maybe(text) }, { requiredKeys: [] }),
      weird,
    ),
    { maxLength: 4 },
  ),
  weird,
);
const message = fc.oneof(
  fc.record(
    { role: maybe(role), content: maybe(content), tool_calls: maybe(fc.array(fc.record({ id: maybe(text), function: maybe(fc.record({ name: maybe(text), arguments: maybe(text) })) }), { maxLength: 2 })) },
    { requiredKeys: [] },
  ),
  weird,
);
const messages = fc.oneof(fc.array(message, { maxLength: 5 }), text, weird);

const properties = fc.record(
  {
    $ai_trace_id: maybe(ids),
    $ai_parent_id: maybe(ids),
    $ai_span_id: maybe(ids),
    $ai_generation_id: maybe(ids),
    $ai_span_name: maybe(text),
    $ai_model: maybe(text),
    $ai_provider: maybe(text),
    $ai_latency: maybe(fc.double()),
    $ai_input_tokens: maybe(fc.integer()),
    $ai_output_tokens: maybe(fc.integer()),
    $ai_total_cost_usd: maybe(fc.double()),
    $ai_input: maybe(messages),
    $ai_output_choices: maybe(messages),
    $ai_input_state: weird,
    $ai_output_state: weird,
    $ai_is_error: maybe(fc.boolean()),
    $ai_error: maybe(text),
    $ai_tools: weird,
    $ai_session_id: maybe(text),
    $session_id: maybe(text),
  },
  { requiredKeys: [] },
);

export const randomEvent = fc.oneof(
  { weight: 5, arbitrary: fc.record({ id: maybe(ids), event: maybe(fc.constantFrom("$ai_generation", "$ai_span", "$ai_trace", "$ai_embedding", "$ai_metric", "$ai_feedback", "$pageview")), createdAt: maybe(fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "not a date" : d.toISOString()))), properties: maybe(properties) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: weird },
);

export const randomTrace = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        id: maybe(ids),
        createdAt: maybe(fc.constantFrom("2025-06-01T12:00:00Z", "yesterday", "")),
        traceName: maybe(text),
        person: maybe(fc.record({ uuid: maybe(text), distinct_id: maybe(text), properties: maybe(fc.dictionary(text, weird, { maxKeys: 3 })) }, { requiredKeys: [] })),
        totalLatency: maybe(fc.double()),
        inputTokens: maybe(fc.integer()),
        outputTokens: maybe(fc.integer()),
        totalCost: maybe(fc.double()),
        events: maybe(fc.array(randomEvent, { maxLength: 8 })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: weird },
);

export const randomTraces = fc.oneof({ weight: 5, arbitrary: fc.array(randomTrace, { maxLength: 6 }) }, { weight: 1, arbitrary: weird });
export const randomText = fc.oneof(text, weird);
export { weird };

/** A summary line item as a model may return it: text and line refs, either of which may be anything. */
const lineItem = fc.oneof(
  { weight: 4, arbitrary: fc.record({ text: maybe(text), line_refs: maybe(fc.oneof(text, fc.constantFrom("L1", "[L2-5]", "[L1, L3-4]", "L999999999", "45-52", "[L0-0]", "L5-2"))) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: weird },
);

/** A summarization `summary` object: PostHog's shape, model-written, so every field may be wrong. */
export const randomSummary = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      { title: maybe(text), flow_diagram: maybe(text), summary_bullets: maybe(fc.array(lineItem, { maxLength: 5 })), interesting_notes: maybe(fc.array(lineItem, { maxLength: 3 })) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: weird },
);

const pattern = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { title: maybe(text), description: maybe(text), frequency: maybe(text), example_reasoning: maybe(text), example_generation_ids: maybe(fc.array(maybe(fc.oneof(ids, text)), { maxLength: 4 })) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: weird },
);
const patterns = maybe(fc.array(pattern, { maxLength: 3 }));

/** An evaluation_summary response as a model (or a confused proxy) may hand it back. */
export const randomEvaluationSummary = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        overall_assessment: maybe(text),
        pass_patterns: patterns,
        fail_patterns: patterns,
        na_patterns: patterns,
        recommendations: maybe(fc.array(maybe(text), { maxLength: 3 })),
        statistics: maybe(fc.record({ total_analyzed: weird, pass_count: weird, fail_count: weird, na_count: weird }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: weird },
);

/** Per-trace-id maps a host passes alongside traces (titles, errors, sentiments): any value under the fuzzed ids. */
export const randomByTraceId = fc.oneof(fc.dictionary(ids, weird, { maxKeys: 3 }), weird);
export const randomTraceIds = fc.oneof(fc.array(ids, { maxLength: 3 }), weird);
