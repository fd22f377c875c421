/**
 * Summaries with no backend: the same line-numbered text_repr PostHog summarizes (from core),
 * handed to a host function, checked against PostHog's summary contract, and cached for an hour.
 */
import type {
  SummarizationBatchCheckRequestBody,
  SummarizationBatchCheckResponseBody,
  SummarizationMode,
  SummarizationRequestBody,
  SummarizationResponseBody,
  SummarizationSummary,
} from "../core/eventsApi";
import type { TextReprEventType } from "../core/textRepr";
import { ApiError, isAbortError } from "./clientErrors";
import { uniqueIds } from "./clientChunk";
import { loadTextRepr } from "./clientTextReprLoader";
import type { LocalCache } from "./clientLocalCache";
import type { LocalTraceStore } from "./clientLocalTraces";
import { maxLineNumber, validateSummary } from "./clientSummarySchema";
import { badRequest, isDict, validateSummarizationBody } from "./clientValidate";

/** What a host summarizer receives. */
export interface LocalSummarizeRequest {
  /** The line-numbered text_repr (`L001: …`); every line reference must point into it. */
  text: string;
  mode: SummarizationMode;
  /** The model asked for, or null for the summarizer's default. */
  model: string | null;
  summarizeType: "trace" | "event";
  /** Trace id or event id. */
  entityId: string;
  signal?: AbortSignal;
}

/** A host summarizer: returns PostHog's summary object (see `openAICompatibleSummarizer`). */
export type LocalSummarize = (request: LocalSummarizeRequest) => Promise<SummarizationSummary>;

/** PostHog caches summaries for an hour. */
export const SUMMARY_CACHE_TTL_MS = 3_600_000;
const PATH = "local:summarization";
/** PostHog builds the summarized text with these options (posthog-api.md §3.2). */
const SUMMARY_TEXT_OPTIONS = { include_line_numbers: true, truncated: false, include_markers: false, collapsed: false };
const EVENT_TYPES = new Set(["$ai_generation", "$ai_span", "$ai_embedding", "$ai_evaluation"]);

export interface LocalSummaryDeps {
  store: LocalTraceStore;
  cache: LocalCache<SummarizationResponseBody>;
  summarize?: LocalSummarize;
}

export function summaryCacheKey(type: string, id: string, mode: string, model: string | null | undefined): string {
  return `${type}:${id}:${mode}:${model || "default"}`;
}

interface Target {
  type: "trace" | "event";
  id: string;
  eventType: TextReprEventType;
  data: unknown;
}

type TextReprModule = Awaited<ReturnType<typeof loadTextRepr>>;

async function resolveTarget(store: LocalTraceStore, body: SummarizationRequestBody, { eventTextReprInput, traceTextReprInput }: TextReprModule): Promise<Target> {
  if (typeof body.trace_id === "string" && body.trace_id !== "") {
    const dateRange = body.date_from || body.date_to ? { date_from: body.date_from, date_to: body.date_to } : undefined;
    const trace = await store.get({ traceId: body.trace_id, dateRange });
    if (!trace) throw new ApiError({ kind: "http", status: 404, path: PATH, body: { detail: `Trace '${body.trace_id}' not found in the given date range.` } });
    return { type: "trace", id: trace.id, eventType: "$ai_trace", data: traceTextReprInput(trace) };
  }
  if (typeof body.generation_id === "string" && body.generation_id !== "") {
    const found = await store.findEvent(body.generation_id);
    if (!found || found.event.event !== "$ai_generation") {
      throw new ApiError({ kind: "http", status: 404, path: PATH, body: { detail: `Generation '${body.generation_id}' not found in the given date range.` } });
    }
    return { type: "event", id: found.event.id, eventType: "$ai_generation", data: eventTextReprInput(found.event) };
  }
  const data = body.data as unknown;
  if (body.summarize_type === "trace") {
    const trace = isDict(data) ? data.trace : undefined;
    if (!isDict(trace) || !Array.isArray((data as { hierarchy?: unknown }).hierarchy)) {
      throw badRequest(["Trace summarization requires 'trace' object and 'hierarchy' array in data"], PATH);
    }
    const props = isDict(trace.properties) ? trace.properties : {};
    const id = props.$ai_trace_id || trace.id;
    if (typeof id !== "string" && typeof id !== "number") throw badRequest(["Trace summarization requires a trace ID"], PATH);
    return { type: "trace", id: String(id), eventType: "$ai_trace", data };
  }
  const event = isDict(data) ? data.event : undefined;
  if (!isDict(event) || (typeof event.id !== "string" && typeof event.id !== "number") || event.id === "") {
    throw badRequest(["Event summarization requires an 'event' object with an 'id'"], PATH);
  }
  const eventType = (EVENT_TYPES.has(String(event.event)) ? event.event : "$ai_generation") as TextReprEventType;
  return { type: "event", id: String(event.id), eventType, data: event };
}

function failed(cause: unknown): ApiError {
  return new ApiError({
    kind: "http",
    status: 500,
    path: PATH,
    body: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
    cause,
  });
}

/** `POST …/summarization/` answered locally. */
export async function localSummarize(deps: LocalSummaryDeps, input: SummarizationRequestBody, signal?: AbortSignal): Promise<SummarizationResponseBody> {
  const body = validateSummarizationBody(input, PATH) as unknown as SummarizationRequestBody;
  const mode: SummarizationMode = body.mode ?? "minimal";
  const model = body.model || null;
  const textRepr = await loadTextRepr();
  const target = await resolveTarget(deps.store, body, textRepr);
  const key = summaryCacheKey(target.type, target.id, mode, model);
  const cached = body.force_refresh === true ? undefined : deps.cache.get(key);
  if (cached) return cached;
  const rendered = textRepr.formatTextRepr(target.eventType, target.data, SUMMARY_TEXT_OPTIONS);
  if (rendered.error) {
    if (rendered.error.status === 400) throw badRequest([rendered.error.message], PATH);
    throw failed(new Error(rendered.error.message));
  }
  if (!deps.summarize) {
    throw new ApiError({
      kind: "http",
      status: 501,
      path: PATH,
      body: { error: "No summarizer configured", detail: "Pass `summarize` to createLocalClient to generate summaries." },
    });
  }
  let summary: SummarizationSummary;
  try {
    const answer = await deps.summarize({ text: rendered.text, mode, model, summarizeType: target.type, entityId: target.id, signal });
    summary = validateSummary(answer, { lineCount: maxLineNumber(rendered.text) });
  } catch (error) {
    if (signal?.aborted || isAbortError(error)) throw signal?.reason ?? error;
    throw failed(error);
  }
  const response: SummarizationResponseBody = {
    summary,
    text_repr: rendered.text,
    metadata: { text_repr_length: textRepr.pyLen(rendered.text), summarize_type: target.type },
  };
  deps.cache.set(key, response, SUMMARY_CACHE_TTL_MS);
  return response;
}

/** `POST …/summarization/batch_check/` answered locally: only traces with a live cached summary. */
export function localBatchCheck(deps: LocalSummaryDeps, request: SummarizationBatchCheckRequestBody): SummarizationBatchCheckResponseBody {
  const mode = request.mode ?? "minimal";
  const summaries: SummarizationBatchCheckResponseBody["summaries"] = [];
  for (const traceId of uniqueIds(request.trace_ids)) {
    const cached = deps.cache.get(summaryCacheKey("trace", traceId, mode, request.model));
    if (cached) summaries.push({ trace_id: traceId, title: cached.summary.title || "Untitled trace", cached: true });
  }
  return { summaries };
}
