/**
 * The mock backend's endpoints: PostHog's request validation and error bodies in front of a
 * TraceLensClient (normally the local one), per posthog-api.md.
 */
import { ApiError, isApiError } from "../client/clientErrors";
import {
  SENTIMENT_MAX_IDS_PER_REQUEST,
  SUMMARY_BATCH_CHECK_MAX_IDS,
  type TraceLensClient,
  type TraceParams,
  type TracesParams,
} from "../client/clientTypes";
import { FieldValidator, requireDict } from "../client/clientValidate";
import type { SentimentRequestBody, SummarizationBatchCheckRequestBody } from "../core/eventsApi";
import type { MockEndpoint } from "./mockFaults";

/** An answer before it becomes a `Response`. */
export interface MockReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What each endpoint says on an unexpected failure (posthog-api.md §1.3, §2.3, §3.6, §4.6). */
export const SERVER_ERROR_BODIES: Record<MockEndpoint, unknown> = {
  query: { type: "server_error", code: "error", detail: "A server error occurred.", attr: null },
  sentiment: { error: "Failed to compute sentiment" },
  text_repr: { error: "Internal server error", detail: "Failed to generate text representation" },
  summarization: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
  batch_check: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
  evaluation_summary: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
};

const ok = (body: unknown): MockReply => ({ status: 200, body });

/** Client errors become the status and body they carry; anything else is the endpoint's 500. */
export function replyForError(endpoint: MockEndpoint, error: unknown): MockReply {
  if (isApiError(error) && error.kind === "http") {
    const headers: Record<string, string> = {};
    if (error.retryAfterMs !== null) headers["Retry-After"] = String(Math.ceil(error.retryAfterMs / 1000));
    return { status: error.status, body: error.body, headers };
  }
  return { status: 500, body: SERVER_ERROR_BODIES[endpoint] };
}

function badRequest(body: unknown): ApiError {
  return new ApiError({ kind: "http", status: 400, body });
}

async function query(client: TraceLensClient, body: unknown, signal: AbortSignal): Promise<MockReply> {
  const dict = requireDict(body);
  const q = dict.query;
  if (typeof q !== "object" || q === null || Array.isArray(q)) throw badRequest({ query: ["This field is required."] });
  const { kind, ...params } = q as Record<string, unknown>;
  if (kind === "TracesQuery") {
    const page = await client.listTraces(params as TracesParams, { signal });
    return ok({ ...page, columns: ["id", "createdAt", "person", "totalLatency", "events"], timings: [], hogql: "", modifiers: {} });
  }
  if (kind === "TraceQuery") {
    if (typeof params.traceId !== "string" || params.traceId === "") throw badRequest({ detail: "TraceQuery requires traceId" });
    const trace = await client.getTrace(params as unknown as TraceParams, { signal });
    return ok({ results: trace ? [trace] : [], columns: ["id", "createdAt", "person", "totalLatency", "events"], hasMore: false, timings: [], hogql: "", modifiers: {} });
  }
  throw badRequest({ detail: `The mock backend answers TracesQuery and TraceQuery, not ${JSON.stringify(kind)}` });
}

async function sentiment(client: TraceLensClient, body: unknown, signal: AbortSignal): Promise<MockReply> {
  const dict = requireDict(body);
  const v = new FieldValidator(dict);
  v.list("ids", { required: true, min: 1, max: SENTIMENT_MAX_IDS_PER_REQUEST });
  v.choice("analysis_level", ["trace", "generation"]);
  v.boolean("force_refresh");
  v.throwIfAny();
  const request = { ...dict, ids: (dict.ids as unknown[]).map(String) } as unknown as SentimentRequestBody;
  const results = await client.sentiment(request, { signal });
  // Request-level causes are this process's business, not the wire's: keep `{error}` only.
  const wire: Record<string, unknown> = {};
  for (const id of request.ids) {
    const entry = results[id];
    wire[id] = entry && "error" in entry && typeof entry.error === "string" ? { error: entry.error } : entry ?? { error: "Failed to compute sentiment" };
  }
  return ok({ results: wire });
}

async function batchCheck(client: TraceLensClient, body: unknown, signal: AbortSignal): Promise<MockReply> {
  const dict = requireDict(body);
  const v = new FieldValidator(dict);
  v.list("trace_ids", { required: true, max: SUMMARY_BATCH_CHECK_MAX_IDS });
  v.choice("mode", ["minimal", "detailed"]);
  v.throwIfAny();
  return ok(await client.summaryBatchCheck(dict as unknown as SummarizationBatchCheckRequestBody, { signal }));
}

/** Runs one endpoint; validation and client errors come back as PostHog's replies. */
export async function runEndpoint(
  endpoint: MockEndpoint,
  client: TraceLensClient,
  body: unknown,
  signal: AbortSignal,
): Promise<MockReply> {
  try {
    switch (endpoint) {
      case "query":
        return await query(client, body, signal);
      case "sentiment":
        return await sentiment(client, body, signal);
      case "text_repr":
        return ok(await client.textRepr(body as never, { signal }));
      case "summarization":
        return ok(await client.summarize(body as never, { signal }));
      case "batch_check":
        return await batchCheck(client, body, signal);
      case "evaluation_summary":
        return ok(await client.evaluationSummary(body as never, { signal }));
    }
  } catch (error) {
    if (signal.aborted) throw error;
    return replyForError(endpoint, error);
  }
}
