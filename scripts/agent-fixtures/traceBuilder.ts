/**
 * Builds synthetic traces in the shape of PostHog's `LLMTrace` (a TraceQuery result): events
 * stamped at their end (SDK style), totals by PostHog's rules (token and cost sums over
 * generations and embeddings, costs to 4 dp, the total-latency rule to 2 dp). Ids are UUIDs
 * derived from a seed, so the output is the same on every run.
 */
import { createHash } from "node:crypto";

type Props = Record<string, unknown>;
export interface FixtureEvent {
  id: string;
  event: string;
  createdAt: string;
  properties: Props;
}

/** A version-5-shaped UUID from a seed string. */
export function uuidFor(seed: string): string {
  const h = createHash("sha1").update(seed).digest("hex");
  const variant = (8 | (parseInt(h[16] as string, 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** USD per token (input, output), list prices. */
const PRICES: Record<string, [number, number]> = {
  "gpt-4.1": [2e-6, 8e-6],
  "gpt-4.1-mini": [0.4e-6, 1.6e-6],
  "o4-mini": [1.1e-6, 4.4e-6],
  "claude-sonnet-4-20250514": [3e-6, 15e-6],
  "claude-3-7-sonnet-20250219": [3e-6, 15e-6],
  "claude-3-5-haiku-20241022": [0.8e-6, 4e-6],
  "text-embedding-3-small": [0.02e-6, 0],
  "sonar-pro": [3e-6, 15e-6],
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Rough token count of a value: a quarter of its JSON length. */
export function tokensOf(value: unknown): number {
  return Math.max(1, Math.round(JSON.stringify(value ?? "").length / 4));
}

export interface GenerationSpec {
  parent: string;
  start: number;
  latency: number;
  model: string;
  provider: string;
  input: unknown;
  output: unknown;
  inputTokens?: number;
  outputTokens?: number;
  extra?: Props;
  error?: unknown;
  httpStatus?: number;
}

export class TraceBuilder {
  readonly events: FixtureEvent[] = [];
  readonly traceId: string;
  private n = 0;

  constructor(
    private readonly seed: string,
    private readonly lib: { $ai_lib: string; $ai_lib_version: string },
    private readonly common: Props = {},
  ) {
    this.traceId = uuidFor(`${seed}:trace`);
  }

  id(label: string): string {
    return uuidFor(`${this.seed}:${label}:${this.n++}`);
  }

  private push(event: string, endMs: number, properties: Props): string {
    const id = this.id(event);
    this.events.push({ id, event, createdAt: new Date(endMs).toISOString(), properties: { $ai_trace_id: this.traceId, ...this.common, ...properties, ...this.lib } });
    return id;
  }

  /** A span; returns its `$ai_span_id`. */
  span(spec: { name: string; parent: string; start: number; latency: number; input?: unknown; output?: unknown; type?: string; error?: unknown; extra?: Props }): string {
    const spanId = this.id("span-id");
    const p: Props = { $ai_parent_id: spec.parent, $ai_latency: spec.latency, $ai_span_id: spanId, $ai_span_name: spec.name };
    if (spec.type) p.$ai_span_type = spec.type;
    if (spec.input !== undefined) p.$ai_input_state = spec.input;
    if (spec.output !== undefined) p.$ai_output_state = spec.output;
    if (spec.error !== undefined) {
      p.$ai_is_error = true;
      p.$ai_error = spec.error;
    }
    this.push("$ai_span", spec.start + spec.latency * 1000, { ...p, ...spec.extra });
    return spanId;
  }

  /** A generation; returns its `$ai_generation_id` and event id. */
  generation(spec: GenerationSpec): { generationId: string; eventId: string } {
    const generationId = this.id("generation-id");
    const [inPrice, outPrice] = PRICES[spec.model] ?? [1e-6, 4e-6];
    const inputTokens = spec.inputTokens ?? tokensOf(spec.input) + 120;
    const outputTokens = spec.error !== undefined ? 0 : (spec.outputTokens ?? tokensOf(spec.output) + 8);
    const inputCost = round(inputTokens * inPrice, 8);
    const outputCost = round(outputTokens * outPrice, 8);
    const extra = spec.extra ?? {};
    const fees = (Number(extra.$ai_request_cost_usd) || 0) + (Number(extra.$ai_web_search_cost_usd) || 0);
    const p: Props = {
      $ai_parent_id: spec.parent,
      $ai_latency: spec.latency,
      $ai_generation_id: generationId,
      $ai_model: spec.model,
      $ai_provider: spec.provider,
      $ai_http_status: spec.httpStatus ?? (spec.error !== undefined ? 500 : 200),
      $ai_input: spec.input,
      $ai_input_tokens: inputTokens,
      $ai_output_tokens: outputTokens,
      $ai_input_cost_usd: inputCost,
      $ai_output_cost_usd: outputCost,
      $ai_total_cost_usd: round(inputCost + outputCost + fees, 8),
    };
    if (spec.error !== undefined) {
      p.$ai_is_error = true;
      p.$ai_error = spec.error;
    } else p.$ai_output_choices = spec.output;
    const eventId = this.push("$ai_generation", spec.start + spec.latency * 1000, { ...p, ...extra });
    return { generationId, eventId };
  }

  embedding(spec: { parent: string; start: number; latency: number; model: string; input: unknown; inputTokens: number }): string {
    const spanId = this.id("embedding-id");
    const [inPrice] = PRICES[spec.model] ?? [0.02e-6, 0];
    const cost = round(spec.inputTokens * inPrice, 8);
    this.push("$ai_embedding", spec.start + spec.latency * 1000, {
      $ai_parent_id: spec.parent,
      $ai_latency: spec.latency,
      $ai_span_id: spanId,
      $ai_model: spec.model,
      $ai_provider: "openai",
      $ai_input: spec.input,
      $ai_input_tokens: spec.inputTokens,
      $ai_input_cost_usd: cost,
      $ai_total_cost_usd: cost,
    });
    return spanId;
  }

  evaluation(spec: { target: string; targetType?: string; at: number; startedAt: number; name: string; result: boolean; applicable?: boolean; reasoning: string; runtime: string; model?: string }): void {
    const p: Props = {
      $ai_evaluation_id: uuidFor(`evaluator:${spec.name}`),
      $ai_evaluation_name: spec.name,
      $ai_evaluation_result: spec.result,
      $ai_evaluation_applicable: spec.applicable ?? true,
      $ai_evaluation_reasoning: spec.reasoning,
      $ai_evaluation_runtime: spec.runtime,
      $ai_evaluation_start_time: new Date(spec.startedAt).toISOString(),
      $ai_target_event_id: spec.target,
      $ai_target_event_type: spec.targetType ?? "$ai_generation",
    };
    if (spec.model) p.$ai_evaluation_model = spec.model;
    this.push("$ai_evaluation", spec.at, p);
  }

  feedback(at: number, text: string): void {
    this.push("$ai_feedback", at, { $ai_feedback_text: text });
  }

  metric(at: number, name: string, value: unknown, parent?: string): void {
    this.push("$ai_metric", at, { $ai_parent_id: parent ?? this.traceId, $ai_metric_name: name, $ai_metric_value: value });
  }

  /** The LLMTrace, events by time, totals by PostHog's rules. */
  build(meta: { traceName: string; person: Props; inputState: unknown; outputState: unknown; aiSessionId?: string }): Props {
    const events = [...this.events].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    const usage = events.filter((e) => e.event === "$ai_generation" || e.event === "$ai_embedding");
    const sum = (key: string) => usage.reduce((total, e) => total + (Number(e.properties[key]) || 0), 0);
    const timed = events.filter((e) => Number(e.properties.$ai_latency) > 0);
    const onlyGenerations = timed.every((e) => e.event === "$ai_generation");
    const latencies = (onlyGenerations ? timed : timed.filter((e) => e.properties.$ai_parent_id === this.traceId)).map((e) => Number(e.properties.$ai_latency));
    return {
      id: this.traceId,
      createdAt: events[0]?.createdAt,
      traceName: meta.traceName,
      ...(meta.aiSessionId ? { aiSessionId: meta.aiSessionId } : {}),
      person: meta.person,
      totalLatency: round(latencies.reduce((a, b) => a + b, 0), 2),
      inputTokens: sum("$ai_input_tokens"),
      outputTokens: sum("$ai_output_tokens"),
      inputCost: round(sum("$ai_input_cost_usd"), 4),
      outputCost: round(sum("$ai_output_cost_usd"), 4),
      totalCost: round(sum("$ai_total_cost_usd"), 4),
      inputState: meta.inputState,
      outputState: meta.outputState,
      events,
    };
  }
}
