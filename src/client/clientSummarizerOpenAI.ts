/**
 * `openAICompatibleSummarizer`: a host summarizer for the local client that asks any
 * OpenAI-compatible chat endpoint (OpenAI, Azure, vLLM, Ollama, LM Studio, llama.cpp …) for a
 * summary in PostHog's contract, and refuses answers that break it.
 */
import type { SummarizationSummary } from "../core/eventsApi";
import { reduceByUniformSampling } from "../core/textRepr/textReprSampling";
import { errorBodySummary, isAbortError, redactSecrets, sensitiveHeaderValues } from "./clientErrors";
import type { LocalSummarize } from "./clientLocalSummary";
import { SUMMARY_JSON_SCHEMA, SummaryFormatError, maxLineNumber, validateSummary } from "./clientSummarySchema";
import { summarySystemPrompt, summaryUserPrompt } from "./clientSummarizerPrompts";

export interface OpenAICompatibleSummarizerOptions {
  /** The API root that `/chat/completions` hangs off, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`. Keep it on a server; see `dangerouslyAllowBrowser`. */
  apiKey?: string;
  /** The model to ask; a request's own `model` wins when it names one. */
  model: string;
  /** Allow `apiKey` where `window` exists. @default false */
  dangerouslyAllowBrowser?: boolean;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** @default 120000 */
  timeoutMs?: number;
  /** @default 0.2 */
  temperature?: number;
  /**
   * How to ask for JSON: a strict JSON schema (OpenAI, vLLM, Ollama ≥ 0.5), plain JSON mode, or
   * nothing (the prompt alone). @default "json_schema"
   */
  structuredOutput?: "json_schema" | "json_object" | "none";
  /**
   * Longer texts are uniformly sampled down to this many characters, keeping line numbers so the
   * model sees the gaps (PostHog does the same for its model's budget). @default 400000
   */
  maxTextChars?: number;
}

export type SummarizerErrorKind = "http" | "network" | "timeout" | "invalid_response";

/** A summarizer failure; never carries the API key. */
export class SummarizerError extends Error {
  override readonly name = "SummarizerError";
  constructor(
    readonly kind: SummarizerErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

function responseFormat(mode: OpenAICompatibleSummarizerOptions["structuredOutput"]): Record<string, unknown> {
  if (mode === "none") return {};
  if (mode === "json_object") return { response_format: { type: "json_object" } };
  return { response_format: { type: "json_schema", json_schema: { name: "trace_summary", strict: true, schema: SUMMARY_JSON_SCHEMA } } };
}

/** The JSON object inside a chat answer, tolerating a ```json fence around it. */
function parseAnswer(content: unknown): unknown {
  if (typeof content !== "string") throw new SummarizerError("invalid_response", "The answer has no text content");
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  try {
    return JSON.parse(fenced ? fenced[1]! : content);
  } catch {
    throw new SummarizerError("invalid_response", "The answer is not valid JSON");
  }
}

/**
 * A `summarize` function for `createLocalClient`. It sends the line-numbered text_repr with
 * tracelens' wording of PostHog's summary contract (title, ASCII flow diagram, summary bullets
 * and interesting notes, each citing one line; minimal or detailed), then validates the answer:
 * wrong shapes, prose in `line_refs` and references past the last line are refused with a
 * `SummarizerError`.
 *
 * @example
 * createLocalClient({ traces, summarize: openAICompatibleSummarizer({ baseUrl: "http://localhost:11434/v1", model: "qwen2.5" }) });
 */
export function openAICompatibleSummarizer(options: OpenAICompatibleSummarizerOptions): LocalSummarize {
  if (options.apiKey && typeof window !== "undefined" && options.dangerouslyAllowBrowser !== true) {
    throw new Error("openAICompatibleSummarizer: an API key must not be used in a browser; call it from your server, or pass dangerouslyAllowBrowser: true.");
  }
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const secrets = [options.apiKey ?? "", ...sensitiveHeaderValues(options.headers)];

  return async ({ text, mode, model, signal }): Promise<SummarizationSummary> => {
    const sampled = reduceByUniformSampling(text, options.maxTextChars ?? 400_000).text;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? 120_000);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    let status = 0;
    let raw = "";
    try {
      const response = await (options.fetch ?? globalThis.fetch)(url, {
        method: "POST",
        signal: controller.signal,
        headers: {
          "Content-Type": "application/json",
          ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({
          model: model || options.model,
          temperature: options.temperature ?? 0.2,
          messages: [
            { role: "system", content: summarySystemPrompt(mode) },
            { role: "user", content: summaryUserPrompt(sampled) },
          ],
          ...responseFormat(options.structuredOutput),
        }),
      });
      status = response.status;
      raw = await response.text();
    } catch (error) {
      if (signal?.aborted || (isAbortError(error) && !timedOut)) throw signal?.reason ?? error;
      if (timedOut) throw new SummarizerError("timeout", `The summarizer at ${new URL(url).host} timed out`);
      throw new SummarizerError("network", `The summarizer at ${new URL(url).host} could not be reached`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // Non-JSON bodies (HTML error pages) are reported as text.
    }
    body = redactSecrets(body, secrets);
    if (status < 200 || status >= 300) {
      const reason = errorBodySummary((body as { error?: unknown })?.error ?? body);
      throw new SummarizerError("http", `The summarizer answered ${status}${reason ? `: ${reason}` : ""}`, status, body);
    }
    const message = (body as { choices?: Array<{ message?: { content?: unknown; refusal?: unknown } }> })?.choices?.[0]?.message;
    if (typeof message?.refusal === "string" && message.refusal) {
      throw new SummarizerError("invalid_response", `The model refused: ${message.refusal}`, status, body);
    }
    try {
      return validateSummary(parseAnswer(message?.content), { lineCount: maxLineNumber(sampled) });
    } catch (error) {
      if (error instanceof SummaryFormatError) throw new SummarizerError("invalid_response", error.message, status, body);
      throw error;
    }
  };
}
