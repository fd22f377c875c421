// fast-check generators for the insight property tests: agent-like traces with nested spans, tool
// spans and requested tool calls, generations with and without reported costs, and timings.
import fc from "fast-check";
import type { LLMTrace } from "../../src/core";

export interface NodeSpec {
  kind: "span" | "generation" | "embedding";
  /** Index of the parent among earlier nodes, or -1 for the trace root. */
  parent: number;
  name: string;
  model: string;
  args: Record<string, unknown>;
  startMs: number;
  latency: number | null;
  cost: number | null;
  tokens: [number, number] | null;
  error: boolean;
  /** Tool the generation asks for (the tool name list is shared so spans match). */
  requests: string | null;
}

const names = fc.constantFrom("search", "read_file", "plan", "agent", "fetch", "write");
const models = fc.constantFrom("gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "");
const args = fc.record({ q: fc.constantFrom("a", "b", "A "), page: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] });

const nodeSpec = (index: number) =>
  fc.record({
    kind: fc.constantFrom<NodeSpec["kind"]>("span", "span", "generation", "generation", "embedding"),
    parent: fc.integer({ min: -1, max: index - 1 }),
    name: names,
    model: models,
    args,
    startMs: fc.integer({ min: 0, max: 20_000 }),
    latency: fc.option(fc.integer({ min: 0, max: 5_000 }).map((ms) => ms / 1000), { nil: null, freq: 5 }),
    cost: fc.option(fc.integer({ min: 0, max: 10_000 }).map((c) => c / 1e6), { nil: null, freq: 3 }),
    tokens: fc.option(fc.tuple(fc.nat(5_000), fc.nat(2_000)), { nil: null, freq: 3 }),
    error: fc.boolean(),
    requests: fc.option(names, { nil: null }),
  });

/** 1 to `max` node specs, each parent an earlier node or the root. */
export function nodeSpecs(max = 30): fc.Arbitrary<NodeSpec[]> {
  return fc.integer({ min: 1, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeSpec(i))));
}

/** Turns specs into `$ai_*` events of trace `traceId`; ids are `${prefix}…` so tests can rename them. */
export function specEvents(specs: readonly NodeSpec[], traceId = "T", prefix = "n"): Array<Record<string, unknown>> {
  const base = Date.UTC(2025, 0, 1);
  return specs.map((spec, i) => {
    const own = `${prefix}${i}`;
    const end = base + spec.startMs + (spec.latency ?? 0) * 1000;
    const properties: Record<string, unknown> = {
      $ai_trace_id: traceId,
      $ai_parent_id: spec.parent < 0 ? traceId : `${prefix}${spec.parent}`,
    };
    if (spec.latency !== null) properties.$ai_latency = spec.latency;
    if (spec.error) properties.$ai_is_error = true;
    if (spec.kind === "span") {
      properties.$ai_span_id = own;
      properties.$ai_span_name = spec.name;
      properties.$ai_input_state = spec.args;
    } else {
      if (spec.kind === "generation") properties.$ai_generation_id = own;
      else properties.$ai_span_id = own;
      if (spec.model) properties.$ai_model = spec.model;
      if (spec.cost !== null) properties.$ai_total_cost_usd = spec.cost;
      if (spec.tokens !== null) {
        properties.$ai_input_tokens = spec.tokens[0];
        properties.$ai_output_tokens = spec.tokens[1];
      }
      if (spec.kind === "generation") {
        properties.$ai_input = [{ role: "user", content: `q${spec.args.q ?? ""}` }];
        if (spec.requests) {
          properties.$ai_output_choices = [{ role: "assistant", content: null, tool_calls: [{ id: `call_${own}`, type: "function", function: { name: spec.requests, arguments: JSON.stringify(spec.args) } }] }];
        }
      }
    }
    const event = spec.kind === "span" ? "$ai_span" : spec.kind === "generation" ? "$ai_generation" : "$ai_embedding";
    return { id: `${prefix}-uuid-${i}`, event, createdAt: new Date(end).toISOString(), properties };
  });
}

/** An `LLMTrace`-shaped object holding `specEvents`. */
export function specTrace(specs: readonly NodeSpec[], traceId = "T", prefix = "n"): LLMTrace {
  return { id: traceId, createdAt: "2025-01-01T00:00:00.000Z", events: specEvents(specs, traceId, prefix) } as unknown as LLMTrace;
}

/** Relative closeness for float sums. */
export function close(a: number, b: number, tolerance = 1e-9): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}
