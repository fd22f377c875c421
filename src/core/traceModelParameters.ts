/**
 * Model parameters of generations, for the trace header and the event panel: temperature, max
 * tokens, top-p, stream, tools, tool choice, reasoning effort, then whatever else the SDK put in
 * `$ai_model_parameters` (a dict; some SDKs send it as a JSON string).
 *
 * Where a value comes from, first found wins: temperature `$ai_model_parameters.temperature`, then
 * `$ai_temperature`; max tokens `max_tokens`, `max_completion_tokens`, `max_output_tokens`,
 * `maxTokens`, `maxOutputTokens` (Vercel), `max_new_tokens` (HF), then `$ai_max_tokens`; stream
 * `$ai_stream`, then `stream` / `streaming`; tools: the names in `$ai_tools`.
 */
import { isPropertyBag, readBoolean, readNumber, readString, safeJsonParse, safeJsonStringify } from "./eventsAccess";
import { parseToolDefinitions } from "./messages";
import { asTraceTree, traceNodesPreOrder, type TraceInsightInput } from "./traceInsightInput";

/** One parameter as shown: where it came from and its value. */
export interface ModelParameter {
  /** Stable key: `temperature`, `maxTokens`, `topP`, `stream`, `tools`, `toolChoice`, `reasoningEffort`, or the raw key of `$ai_model_parameters`. */
  key: string;
  label: string;
  value: unknown;
  /** The value in words (JSON for objects, cut at 200 characters). */
  text: string;
}

/** The parameters of one generation. */
export interface GenerationModelParameters {
  model: string | null;
  provider: string | null;
  temperature: number | null;
  maxTokens: number | null;
  topP: number | null;
  stream: boolean | null;
  /** Tool names from `$ai_tools`, in catalogue order. */
  tools: string[];
  /** Every parameter found, named ones first (in the order above), then the other keys. */
  parameters: ModelParameter[];
}

const MAX_TOKENS_KEYS = ["max_tokens", "max_completion_tokens", "max_output_tokens", "maxTokens", "maxOutputTokens", "max_new_tokens"];
/** Keys folded into the named parameters, so they are not listed twice. */
const NAMED_KEYS = new Set([...MAX_TOKENS_KEYS, "temperature", "top_p", "topP", "stream", "streaming", "tools", "tool_choice", "toolChoice", "reasoning_effort", "reasoning"]);

function valueText(value: unknown): string {
  const text = typeof value === "string" ? value : safeJsonStringify(value, String(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function paramsOf(p: Record<string, unknown>): Record<string, unknown> {
  const raw = p.$ai_model_parameters;
  if (isPropertyBag(raw)) return raw;
  if (typeof raw === "string") {
    const parsed = safeJsonParse(raw);
    if (isPropertyBag(parsed)) return parsed;
  }
  return {};
}

function firstNumber(bag: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const key of keys) {
    const n = readNumber(bag[key]);
    if (n !== null) return n;
  }
  return null;
}

/** The model parameters of one generation's properties. Never throws. */
export function generationModelParameters(properties: unknown): GenerationModelParameters {
  const p = isPropertyBag(properties) ? properties : {};
  const params = paramsOf(p);
  const temperature = firstNumber(params, ["temperature"]) ?? readNumber(p.$ai_temperature);
  const maxTokens = firstNumber(params, MAX_TOKENS_KEYS) ?? readNumber(p.$ai_max_tokens);
  const topP = firstNumber(params, ["top_p", "topP"]);
  const stream = readBoolean(p.$ai_stream) ?? readBoolean(params.stream) ?? readBoolean(params.streaming);
  let tools: string[] = [];
  try {
    tools = parseToolDefinitions(p.$ai_tools ?? params.tools).map((tool) => tool.name).filter(Boolean);
  } catch {
    tools = [];
  }
  const toolChoice = params.tool_choice ?? params.toolChoice;
  const reasoning = params.reasoning_effort ?? (isPropertyBag(params.reasoning) ? params.reasoning.effort : undefined);

  const parameters: ModelParameter[] = [];
  const add = (key: string, label: string, value: unknown) => {
    if (value === null || value === undefined) return;
    parameters.push({ key, label, value, text: valueText(value) });
  };
  add("temperature", "Temperature", temperature);
  add("maxTokens", "Max tokens", maxTokens);
  add("topP", "Top p", topP);
  add("stream", "Stream", stream);
  if (tools.length > 0) add("tools", "Tools", tools);
  add("toolChoice", "Tool choice", toolChoice);
  add("reasoningEffort", "Reasoning effort", reasoning);
  for (const key of Object.keys(params)) {
    if (!NAMED_KEYS.has(key)) add(key, key, params[key]);
  }
  return {
    model: readString(p.$ai_model) || null,
    provider: readString(p.$ai_provider) || null,
    temperature,
    maxTokens,
    topP,
    stream,
    tools,
    parameters,
  };
}

/** A parameter across a trace's generations: each distinct value with how many generations used it. */
export interface TraceModelParameter {
  key: string;
  label: string;
  values: Array<{ value: unknown; text: string; generations: number }>;
}

/** Models and parameters used across a trace, for its header. */
export interface TraceModelParameters {
  generationCount: number;
  /** Models by first use, with the generations that used each. */
  models: Array<{ model: string | null; provider: string | null; generations: number }>;
  /** Parameters in first-seen order; values in first-seen order. */
  parameters: TraceModelParameter[];
  /** Tool names offered to any generation, with how many generations offered each. */
  tools: Array<{ name: string; generations: number }>;
}

/** The models and parameters of every generation in a trace, merged. Never throws. */
export function traceModelParameters(trace: TraceInsightInput): TraceModelParameters {
  const tree = asTraceTree(trace);
  const models = new Map<string, { model: string | null; provider: string | null; generations: number }>();
  const parameters = new Map<string, { key: string; label: string; values: Map<string, { value: unknown; text: string; generations: number }> }>();
  const tools = new Map<string, number>();
  let generationCount = 0;
  for (const node of traceNodesPreOrder(tree)) {
    if (node.kind !== "generation") continue;
    generationCount++;
    const g = generationModelParameters(node.event?.properties);
    const modelKey = `${g.model ?? ""}\u0000${g.provider ?? ""}`;
    const model = models.get(modelKey) ?? { model: g.model, provider: g.provider, generations: 0 };
    model.generations++;
    models.set(modelKey, model);
    for (const name of new Set(g.tools)) tools.set(name, (tools.get(name) ?? 0) + 1);
    for (const parameter of g.parameters) {
      if (parameter.key === "tools") continue;
      const entry = parameters.get(parameter.key) ?? { key: parameter.key, label: parameter.label, values: new Map() };
      parameters.set(parameter.key, entry);
      const valueKey = safeJsonStringify(parameter.value, parameter.text);
      const value = entry.values.get(valueKey) ?? { value: parameter.value, text: parameter.text, generations: 0 };
      value.generations++;
      entry.values.set(valueKey, value);
    }
  }
  return {
    generationCount,
    models: [...models.values()],
    parameters: [...parameters.values()].map((entry) => ({ key: entry.key, label: entry.label, values: [...entry.values.values()] })),
    tools: [...tools.entries()].map(([name, generations]) => ({ name, generations })),
  };
}
