/**
 * The mock backend's endpoints: PostHog's request validation, date windows and error bodies in
 * front of a TraceLensClient (normally the local one) and the mock's own event store. Each rule
 * names the fact in shared/spec/posthog-contract.md it comes from.
 */
import { isApiError } from "../client/clientErrors";
import type { TraceLensClient } from "../client/clientTypes";
import type { SentimentRequestBody } from "../core/eventsApi";
import { queryDateRange, sentimentBounds, summarizationRange, inWindow, type WindowResult } from "./mockDates";
import { runEventsQuery, type EventsQueryInput } from "./mockEventsQuery";
import { runHogQLQuery, runTraceNeighborsQuery, runTrendsQuery, type MockTeam } from "./mockExploreQueries";
import type { MockEndpoint } from "./mockFaults";
import { MockLimitation, MockQueryError } from "./mockFilters";
import type { MockServerProfile } from "./mockProfiles";
import { checkQueryRequest } from "./mockQuerySchema";
import { checkBatchCheck, checkEvaluationSummary, checkSentiment, checkSummarize, checkTextRepr, type Checked } from "./mockSerializers";
import { runSentimentGenerations } from "./mockSentimentGenerations";
import type { MockStore } from "./mockStore";
import { runTraceQuery, runTracesQuery } from "./mockTraceQueries";

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
  sentiment_generations: { error: "Failed to fetch sentiment generations" },
  text_repr: { error: "Internal server error", detail: "Failed to generate text representation" },
  summarization: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
  batch_check: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
  evaluation_summary: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
};

export interface EndpointContext {
  client: TraceLensClient;
  store: MockStore;
  profile: MockServerProfile;
  now: number;
  signal: AbortSignal;
  /** Team settings: test-account filters and cohorts. */
  team?: MockTeam;
}

const ok = (body: unknown): MockReply => ({ status: 200, body });
const notFound = (detail: string): MockReply => ({ status: 404, body: { type: "invalid_request", code: "not_found", detail, attr: null } });

/** Client errors become the status and body they carry; anything else is the endpoint's 500. */
export function replyForError(endpoint: MockEndpoint, error: unknown): MockReply {
  if (error instanceof MockLimitation) return { status: 501, body: { detail: error.message, mock_limitation: true } };
  // posthog/api/query.py: a HogQL QueryError becomes DRF's ValidationError, a 400.
  if (error instanceof MockQueryError) return { status: 400, body: { type: "validation_error", code: "invalid_input", detail: error.message, attr: null } };
  if (isApiError(error) && error.kind === "http") {
    const headers: Record<string, string> = {};
    if (error.retryAfterMs !== null) headers["Retry-After"] = String(Math.ceil(error.retryAfterMs / 1000));
    return { status: error.status, body: error.body, headers };
  }
  return { status: 500, body: SERVER_ERROR_BODIES[endpoint] };
}

function refusal(checked: Checked): MockReply | null {
  return checked.ok ? null : { status: checked.refusal.status, body: checked.refusal.body };
}

function windowOrRefusal(result: WindowResult): MockReply | { window: Extract<WindowResult, { ok: true }>["window"] } {
  if (result.ok) return { window: result.window };
  return { status: 400, body: { type: "validation_error", code: "invalid_input", detail: `Unreadable ${result.field}: ${JSON.stringify(result.value)}`, attr: result.field } };
}

const QUERY_ENVELOPE = { columns: ["id", "createdAt", "totalLatency", "events"], timings: [], hogql: "", modifiers: {} };

async function query(ctx: EndpointContext, body: unknown): Promise<MockReply> {
  // F-Q1/F-Q2: pydantic with extra="forbid" → ParseError 400 "JSON parse error - …".
  const checked = checkQueryRequest(body, ctx.profile);
  if (!checked.ok) return { status: 400, body: { type: "validation_error", code: "parse_error", detail: checked.detail, attr: null } };
  const q = checked.query;
  if (q.kind === "EventsQuery") return ok(await runEventsQuery(ctx.store, q as unknown as EventsQueryInput, ctx.now));
  if (q.kind === "HogQLQuery") return ok(await runHogQLQuery(ctx.store, q as never, ctx.team ?? {}, ctx.now));
  if (q.kind === "TrendsQuery") return ok(await runTrendsQuery(ctx.store, q as never, ctx.team ?? {}, ctx.now));
  if (q.kind === "TraceNeighborsQuery") return ok(await runTraceNeighborsQuery(ctx.store, q as never, ctx.team ?? {}, ctx.now));
  // F-Q6: no dateRange → the last 7 days (from the start of that day).
  const range = windowOrRefusal(queryDateRange(q.dateRange as never, ctx.now));
  if (!("window" in range)) return range;
  const properties = (q.properties ?? null) as Record<string, unknown>[] | null;
  const includeSentiment = q.includeSentiment === true || q.includeSentiment === "true";
  if (q.kind === "TraceQuery") {
    const results = await runTraceQuery(ctx.store, { traceId: String(q.traceId), window: range.window, properties, includeSentiment }, ctx.profile);
    return ok({ ...QUERY_ENVELOPE, results, hasMore: false });
  }
  const page = await runTracesQuery(
    ctx.store,
    {
      window: range.window,
      limit: q.limit === undefined || q.limit === null ? undefined : Number(q.limit),
      offset: q.offset === undefined || q.offset === null ? undefined : Number(q.offset),
      properties,
      personId: (q.personId as string | null | undefined) ?? null,
      includeSentiment,
      // traces_query_runner.py: filterTestAccounts adds the team's test_account_filters to the events' WHERE.
      ...(q.filterTestAccounts === true || q.filterTestAccounts === "true" ? { testAccounts: ctx.team?.testAccounts } : {}),
      filterContext: { now: ctx.now, ...(ctx.team?.inCohort ? { inCohort: ctx.team.inCohort } : {}) },
      searchTerm: typeof q.searchTerm === "string" ? q.searchTerm : null,
    },
    ctx.profile,
  );
  return ok({ ...QUERY_ENVELOPE, ...page });
}

async function sentiment(ctx: EndpointContext, body: unknown): Promise<MockReply> {
  if (!ctx.profile.onReadSentiment) return notFound("Not found.");
  const checked = checkSentiment(body);
  if (!checked.ok) return refusal(checked)!;
  const { ids, analysis_level: level, force_refresh: forceRefresh, date_from: dateFrom, date_to: dateTo } = checked.data;
  // F-S3: a missing or unreadable date_from silently becomes now − 7 days; generations older than
  // the window are not read, so their ids come back neutral and empty.
  const bounds = sentimentBounds(dateFrom, dateTo, ctx.now);
  const request: SentimentRequestBody = {
    ids: ids as string[],
    analysis_level: level as "trace" | "generation",
    force_refresh: forceRefresh as boolean,
    date_from: new Date(bounds.from!).toISOString(),
    date_to: new Date(bounds.to).toISOString(),
  };
  const results = await ctx.client.sentiment(request, { signal: ctx.signal });
  // Request-level causes and tracelens' own `source` are this process's business, not the wire's.
  const wire: Record<string, unknown> = {};
  for (const id of request.ids) {
    const entry = results[id] as (Record<string, unknown> & { error?: unknown }) | undefined;
    if (!entry) wire[id] = { error: "Failed to compute sentiment" };
    else if (typeof entry.error === "string") wire[id] = { error: entry.error };
    else {
      const { source: _source, ...rest } = entry;
      wire[id] = rest;
    }
  }
  return ok({ results: wire });
}

/** F-M2: SUMMARIZABLE_EVENT_TYPES. */
const SUMMARIZABLE = new Set(["$ai_generation", "$ai_span", "$ai_embedding", "$ai_evaluation"]);

async function summarization(ctx: EndpointContext, body: unknown): Promise<MockReply> {
  const checked = checkSummarize(body);
  if (!checked.ok) return refusal(checked)!;
  const d = checked.data;
  const common = { mode: d.mode as "minimal" | "detailed", force_refresh: d.force_refresh as boolean, ...(d.model ? { model: d.model as string } : {}) };
  if (d.trace_id || d.generation_id) {
    // F-M2: ids are looked up in `date_from or "-30d"`; nothing there → 404.
    const range = windowOrRefusal(summarizationRange(d.date_from, d.date_to, ctx.now));
    if (!("window" in range)) return range;
    if (d.trace_id) {
      const found = await runTraceQuery(ctx.store, { traceId: String(d.trace_id), window: range.window }, ctx.profile);
      if (found.length === 0) return notFound(`Trace '${String(d.trace_id)}' not found in the given date range.`);
      return ok(await ctx.client.summarize({ ...common, trace_id: String(d.trace_id) }, { signal: ctx.signal }));
    }
    const id = String(d.generation_id);
    const event = (await ctx.store.events()).find((e) => e.id === id && SUMMARIZABLE.has(e.event) && inWindow(e.at, range.window));
    if (!event) return notFound(`Event '${id}' not found in the given date range.`);
    const data = { event: { id: event.id, event: event.event, properties: event.properties, timestamp: event.createdAt } };
    return ok(await ctx.client.summarize({ ...common, summarize_type: "event", data }, { signal: ctx.signal }));
  }
  return ok(await ctx.client.summarize({ ...common, summarize_type: d.summarize_type as "trace" | "event", data: d.data as never }, { signal: ctx.signal }));
}

async function evaluationSummary(ctx: EndpointContext, body: unknown): Promise<MockReply> {
  const checked = checkEvaluationSummary(body);
  if (!checked.ok) return refusal(checked)!;
  const id = String(checked.data.evaluation_id);
  // The Evaluation row must exist for the team (posthog-api.md §4.2); the mock knows evaluations by their runs.
  const known = (await ctx.store.events()).some((e) => e.event === "$ai_evaluation" && String(e.properties.$ai_evaluation_id ?? "").toLowerCase() === id);
  if (!known) return { status: 404, body: { error: `Evaluation ${id} not found` } };
  return ok(await ctx.client.evaluationSummary(checked.data as never, { signal: ctx.signal }));
}

/** Runs one endpoint; validation and client errors come back as PostHog's replies. */
export async function runEndpoint(endpoint: MockEndpoint, ctx: EndpointContext, body: unknown): Promise<MockReply> {
  try {
    switch (endpoint) {
      case "query":
        return await query(ctx, body);
      case "sentiment":
        return await sentiment(ctx, body);
      case "sentiment_generations":
        return await runSentimentGenerations(ctx.store, body, ctx.now);
      case "text_repr": {
        const checked = checkTextRepr(body);
        return refusal(checked) ?? ok(await ctx.client.textRepr(checked.ok ? (checked.data as never) : (body as never), { signal: ctx.signal }));
      }
      case "summarization":
        return await summarization(ctx, body);
      case "batch_check": {
        const checked = checkBatchCheck(body);
        return refusal(checked) ?? ok(await ctx.client.summaryBatchCheck(checked.ok ? (checked.data as never) : (body as never), { signal: ctx.signal }));
      }
      case "evaluation_summary":
        return await evaluationSummary(ctx, body);
    }
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return replyForError(endpoint, error);
  }
}
