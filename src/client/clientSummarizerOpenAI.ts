/**
 * `openAICompatibleSummarizer`: a host summarizer for the local client that asks any
 * OpenAI-compatible chat endpoint (OpenAI, Azure, vLLM, Ollama, LM Studio, llama.cpp …) for a
 * summary in PostHog's contract, and refuses answers that break it.
 */
import type { SummarizationSummary } from "../core/eventsApi";
import { reduceByUniformSampling } from "../core/textRepr/textReprSampling";
import { errorBodySummary, isAbortError } from "./clientErrors";
import {
  credentialPlaces,
  headerEntries,
  headerSecrets,
  refuseBrowserCredentials,
  urlCredentialSecrets,
  urlCredentials,
  type HeaderEntries,
} from "./clientCredentials";
import { createSecretScrubber } from "./clientSecretScrub";
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
  /** Allow credentials (`apiKey`, a credential header, user-info in `baseUrl`) in a browser scope: a window, worker or worklet. @default false */
  dangerouslyAllowBrowser?: boolean;
  fetch?: typeof fetch;
  /** Extra headers (an object, a `Headers` or pairs), or a function returning them before each request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
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

/** A summarizer failure; never carries the API key (nor any header value, in any encoding, its cause included). */
export class SummarizerError extends Error {
  override readonly name = "SummarizerError";
  constructor(
    readonly kind: SummarizerErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly body: unknown = null,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

function responseFormat(mode: OpenAICompatibleSummarizerOptions["structuredOutput"]): Record<string, unknown> {
  if (mode === "none") return {};
  if (mode === "json_object") return { response_format: { type: "json_object" } };
  return { response_format: { type: "json_schema", json_schema: { name: "trace_summary", strict: true, schema: SUMMARY_JSON_SCHEMA } } };
}

/** The host of a URL for messages (never its user-info); the raw text cut short when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the configured baseUrl";
  }
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
  const userInfo = urlCredentials(String(options.baseUrl ?? ""));
  const staticHeaders = typeof options.headers === "function" ? [] : headerEntries(options.headers);
  const who = "openAICompatibleSummarizer";
  refuseBrowserCredentials(who, credentialPlaces({ apiKey: options.apiKey, headers: staticHeaders, url: userInfo }), options.dangerouslyAllowBrowser);
  // Sent as given (a custom fetch may handle user-info); `fetch` itself refuses it, and its error is scrubbed.
  const url = `${String(options.baseUrl ?? "").replace(/\/+$/, "")}/chat/completions`;
  const authorization = options.apiKey ? `Bearer ${options.apiKey}` : undefined;
  const known = [...(options.apiKey ? [String(options.apiKey)] : []), ...urlCredentialSecrets(userInfo)];
  const where = hostOf(url);

  async function headersNow(): Promise<HeaderEntries> {
    try {
      const entries = headerEntries(typeof options.headers === "function" ? await options.headers() : options.headers);
      if (typeof options.headers === "function") refuseBrowserCredentials(who, credentialPlaces({ headers: entries }), options.dangerouslyAllowBrowser);
      return entries;
    } catch (error) {
      throw createSecretScrubber(known).value(error);
    }
  }

  return async ({ text, mode, model, signal }): Promise<SummarizationSummary> => {
    const sampled = reduceByUniformSampling(text, options.maxTextChars ?? 400_000).text;
    const extra = await headersNow();
    const scrubber = createSecretScrubber([...known, ...headerSecrets(extra)]);
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
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (authorization) headers.Authorization = authorization;
      for (const [name, value] of extra) Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
      const response = await (options.fetch ?? globalThis.fetch)(url, {
        method: "POST",
        signal: controller.signal,
        headers,
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
      if (timedOut) throw new SummarizerError("timeout", `The summarizer at ${where} timed out`);
      // The cause helps debugging (a custom fetch, a Headers refusal) and leaves scrubbed, like everything else.
      throw scrubber.value(new SummarizerError("network", `The summarizer at ${where} could not be reached`, null, null, error));
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
    body = scrubber.value(body);
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
