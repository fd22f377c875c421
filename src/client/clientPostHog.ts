/**
 * `createPostHogClient`: the TraceLensClient that speaks PostHog's LLM-analytics HTTP API
 * (`shared/spec/posthog-api.md`): the query endpoint for traces, and the sentiment, text_repr,
 * summarization, batch_check and evaluation_summary endpoints.
 */
import type { SentimentRequestBody, SummarizationBatchCheckResponseBody } from "../core/eventsApi";
import type { LLMTrace, TracesQueryResponse } from "../core/eventsTrace";
import type { SentimentResult } from "../core/sentiment/types";
import { chunk, emptyResults, ownEntry, sentimentFailure, setResult, uniqueIds } from "./clientChunk";
import { createLimiter } from "./clientConcurrency";
import { isApiError } from "./clientErrors";
import { credentialPlaces, headerEntries, refuseBrowserCredentials, urlCredentialSecrets, urlCredentials } from "./clientCredentials";
import { postJson, type HeadersOption, type HttpTransport, type RequestOptions } from "./clientHttp";
import { resolveRetryPolicy, type RetryPolicy } from "./clientRetry";
import {
  SENTIMENT_MAX_IDS_PER_REQUEST,
  SUMMARY_BATCH_CHECK_MAX_IDS,
  type SentimentFailure,
  type SentimentResults,
  type TraceLensClient,
  type TracesPage,
} from "./clientTypes";

export interface PostHogClientOptions {
  /**
   * Origin of the PostHog API, e.g. `https://us.posthog.com`, or a path on your own origin that
   * proxies to it (`/posthog`), or `""` for same-origin. Trailing slashes are ignored.
   */
  host: string;
  /** The project (team) id in `/api/environments/{projectId}/…`. */
  projectId: string | number;
  /**
   * A personal API key, sent as `Authorization: Bearer …`. Server-side only: in a browser it
   * would be readable by anyone using the page (see the README, "Connecting to PostHog").
   * Browsers should go through the host's proxy or session instead (`host`, `headers`, `credentials`).
   */
  apiKey?: string;
  /**
   * Set to true to allow credentials (an `apiKey`, a credential header, user-info in `host`) in a
   * browser scope: a window, a worker or a worklet (Electron, trusted kiosks). @default false
   */
  dangerouslyAllowBrowser?: boolean;
  /** Replaces the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Extra headers (an object, a `Headers` or pairs), or a function returning them before each request
   * (CSRF tokens). In a browser, credential headers (Authorization, Cookie, *token*, *key*, …; CSRF
   * headers aside) are refused unless `dangerouslyAllowBrowser` is set.
   */
  headers?: HeadersOption;
  /** `fetch` credentials mode; `"include"` sends the host's session cookie to a cross-origin proxy. */
  credentials?: RequestCredentials;
  /** Retry policy for 429, 5xx and network errors. */
  retry?: RetryPolicy;
  /** Timeout of each attempt in ms. PostHog's sentiment and summary calls block while they compute. @default 120000 */
  timeoutMs?: number;
  /** Requests this client keeps in flight at once; the rest queue. @default 4 */
  maxConcurrency?: number;
}

function asResults(value: unknown): Record<string, unknown> | null {
  if (typeof value !== "object" || value === null) return null;
  const results = (value as { results?: unknown }).results;
  return typeof results === "object" && results !== null && !Array.isArray(results) ? (results as Record<string, unknown>) : null;
}

/**
 * A TraceLensClient over PostHog's API. Sentiment ids are chunked by 5 (the server's limit) and
 * merged; batch_check ids by 100. Every request goes through one per-client concurrency limit,
 * has a timeout, honours the caller's AbortSignal, and is retried (bounded, exponential backoff
 * with jitter, `Retry-After` respected) on 429, 5xx and lost connections. Credentials are never
 * logged and never appear in errors.
 *
 * @example
 * // In a server route or a trusted script, never in a browser bundle:
 * const client = createPostHogClient({ host: "https://us.posthog.com", projectId: 123, apiKey: process.env.POSTHOG_KEY });
 * // In a browser, through your own backend that adds the key:
 * const client = createPostHogClient({ host: "/posthog-proxy", projectId: 123, credentials: "same-origin" });
 */
export function createPostHogClient(options: PostHogClientOptions): TraceLensClient {
  const rawHost = String(options.host ?? "");
  const userInfo = urlCredentials(rawHost);
  const staticHeaders = typeof options.headers === "function" ? [] : headerEntries(options.headers);
  refuseBrowserCredentials("createPostHogClient", credentialPlaces({ apiKey: options.apiKey, headers: staticHeaders, url: userInfo }), options.dangerouslyAllowBrowser);
  // The URL is sent as given (a custom fetch may handle user-info); `fetch` itself refuses it, and the
  // error that says so is scrubbed like any other.
  const host = rawHost.replace(/\/+$/, "");
  const publicHost = (userInfo ? userInfo.url : rawHost).replace(/\/+$/, "");
  const projectId = encodeURIComponent(String(options.projectId));
  const transport: HttpTransport = {
    baseUrl: host,
    fetch: options.fetch,
    headers: options.headers,
    authorization: options.apiKey ? `Bearer ${options.apiKey}` : undefined,
    secrets: [...(options.apiKey ? [String(options.apiKey)] : []), ...urlCredentialSecrets(userInfo)],
    owner: "createPostHogClient",
    dangerouslyAllowBrowser: options.dangerouslyAllowBrowser === true,
    credentials: options.credentials,
    retry: resolveRetryPolicy(options.retry),
    timeoutMs: options.timeoutMs ?? 120_000,
    limiter: createLimiter(options.maxConcurrency ?? 4),
  };
  const env = `/api/environments/${projectId}`;
  const llm = `${env}/llm_analytics`;

  async function sentimentChunk(body: SentimentRequestBody, ids: string[], into: SentimentResults, o?: RequestOptions) {
    try {
      const response = await postJson<unknown>(transport, `${llm}/sentiment/`, { ...body, ids }, o);
      const results = asResults(response);
      for (const id of ids) {
        const entry = results ? ownEntry<SentimentResult | SentimentFailure>(results, id) : undefined;
        // The contract says every id comes back; if one does not, say so rather than drop it.
        setResult(into, id, entry && typeof entry === "object" ? entry : sentimentFailure("Missing from the sentiment response"));
      }
    } catch (error) {
      if (!isApiError(error)) throw error;
      for (const id of ids) setResult(into, id, sentimentFailure(error.message, error));
    }
  }

  return {
    // Query keys show up in devtools: never with user-info in them.
    scope: `posthog:${publicHost}:${String(options.projectId)}`,

    async listTraces(params = {}, o) {
      const response = await postJson<TracesQueryResponse>(transport, `${env}/query/`, { query: { ...params, kind: "TracesQuery" } }, o);
      const page: TracesPage = {
        results: Array.isArray(response?.results) ? response.results : [],
        hasMore: response?.hasMore === true,
        limit: typeof response?.limit === "number" ? response.limit : params.limit ?? 100,
        offset: typeof response?.offset === "number" ? response.offset : params.offset ?? 0,
      };
      return page;
    },

    async getTrace(params, o) {
      const response = await postJson<TracesQueryResponse>(transport, `${env}/query/`, { query: { ...params, kind: "TraceQuery" } }, o);
      const first: LLMTrace | undefined = Array.isArray(response?.results) ? response.results[0] : undefined;
      return first ?? null;
    },

    async sentiment(request, o) {
      const ids = uniqueIds(request.ids);
      const results = emptyResults();
      const chunks = chunk(ids, SENTIMENT_MAX_IDS_PER_REQUEST);
      await Promise.all(chunks.map((part) => sentimentChunk(request, part, results, o)));
      // Chunks finish in any order; give the answer back in the order the ids were asked.
      const ordered = emptyResults();
      for (const id of ids) setResult(ordered, id, results[id]!);
      return ordered;
    },

    textRepr(request, o) {
      return postJson(transport, `${llm}/text_repr/`, request, o);
    },

    summarize(request, o) {
      return postJson(transport, `${llm}/summarization/`, request, o);
    },

    async summaryBatchCheck(request, o) {
      const ids = uniqueIds(request.trace_ids);
      const parts = await Promise.all(
        chunk(ids, SUMMARY_BATCH_CHECK_MAX_IDS).map((traceIds) =>
          postJson<SummarizationBatchCheckResponseBody>(transport, `${llm}/summarization/batch_check/`, { ...request, trace_ids: traceIds }, o),
        ),
      );
      return { summaries: parts.flatMap((part) => (Array.isArray(part?.summaries) ? part.summaries : [])) };
    },

    evaluationSummary(request, o) {
      return postJson(transport, `${llm}/evaluation_summary/`, request, o);
    },
  };
}
