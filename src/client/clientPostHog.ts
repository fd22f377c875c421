/**
 * `createPostHogClient`: the TraceLensClient that speaks PostHog's LLM-analytics HTTP API
 * (`shared/spec/posthog-api.md`): the query endpoint for traces, and the sentiment, text_repr,
 * summarization, batch_check and evaluation_summary endpoints.
 */
import type { EvaluationSummaryResponseBody, TextReprResponseBody } from "../core/eventsApi";
import { createLimiter } from "./clientConcurrency";
import type { HeadersOption, HttpTransport } from "./clientHttp";
import { TimestampMemory } from "./clientLookupWindows";
import { plain, postChecked, type PostHogContext } from "./clientPostHogContext";
import { getTrace, listEvents, listTraces } from "./clientPostHogQuery";
import { sentiment } from "./clientPostHogSentiment";
import { summarize, summaryBatchCheck } from "./clientPostHogSummary";
import { evaluationSummaryResponse, textReprResponse } from "./clientResponses";
import { resolveRetryPolicy, type RetryPolicy } from "./clientRetry";
import type { TraceLensClient } from "./clientTypes";

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
  /** Set to true to allow `apiKey` where `window` exists (Electron, trusted kiosks). @default false */
  dangerouslyAllowBrowser?: boolean;
  /** Replaces the global `fetch`. */
  fetch?: typeof fetch;
  /** Extra headers, or a function returning them before each request (CSRF tokens, short-lived JWTs). */
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

function isBrowser(): boolean {
  return typeof window !== "undefined" && typeof document !== "undefined";
}

/**
 * A TraceLensClient over PostHog's API, written against PostHog's own rules
 * (shared/spec/posthog-contract.md). Every lookup by id carries a date window that holds its data
 * (a caller's `timestamp`, a time this client has seen, or ever wider windows). Query fields a server
 * does not know are dropped for that server and the work done another way. Stored sentiment comes
 * inline (`includeSentiment`), on-read `/sentiment/` is the fallback. Every answer's shape is checked.
 * Sentiment ids go 5 per request, batch_check ids 100; every request goes through one per-client
 * concurrency limit, has a timeout, honours the caller's AbortSignal, and is retried (bounded,
 * exponential backoff with jitter, `Retry-After` respected) on 429, 5xx and lost connections.
 * Credentials are never logged and never appear in errors.
 *
 * @example
 * // In a server route or a trusted script, never in a browser bundle:
 * const client = createPostHogClient({ host: "https://us.posthog.com", projectId: 123, apiKey: process.env.POSTHOG_KEY });
 * // In a browser, through your own backend that adds the key:
 * const client = createPostHogClient({ host: "/posthog-proxy", projectId: 123, credentials: "same-origin" });
 */
export function createPostHogClient(options: PostHogClientOptions): TraceLensClient {
  if (options.apiKey && isBrowser() && options.dangerouslyAllowBrowser !== true) {
    throw new Error(
      "createPostHogClient: a personal API key must not be used in a browser, where every visitor can read it. " +
        "Route requests through your own backend (host + credentials/headers), or pass dangerouslyAllowBrowser: true.",
    );
  }
  const host = String(options.host ?? "").replace(/\/+$/, "");
  const projectId = encodeURIComponent(String(options.projectId));
  const transport: HttpTransport = {
    baseUrl: host,
    fetch: options.fetch,
    headers: options.headers,
    apiKey: options.apiKey,
    credentials: options.credentials,
    retry: resolveRetryPolicy(options.retry),
    timeoutMs: options.timeoutMs ?? 120_000,
    limiter: createLimiter(options.maxConcurrency ?? 4),
  };
  const env = `/api/environments/${projectId}`;
  const ctx: PostHogContext = {
    transport,
    env,
    llm: `${env}/llm_analytics`,
    timestamps: new TimestampMemory(),
    refusedQueryFields: new Map(),
    batchCheckRefusal: null,
  };

  return {
    scope: `posthog:${host}:${String(options.projectId)}`,
    listTraces: (params, o) => listTraces(ctx, params, o),
    getTrace: (params, o) => getTrace(ctx, params, o),
    listEvents: (params, o) => listEvents(ctx, params, o),
    sentiment: (request, o) => sentiment(ctx, request, o),
    textRepr: (request, o) => postChecked<TextReprResponseBody>(ctx, `${ctx.llm}/text_repr/`, request, textReprResponse, plain(o)),
    summarize: (request, o) => summarize(ctx, request, o),
    summaryBatchCheck: (request, o) => summaryBatchCheck(ctx, request, o),
    evaluationSummary: (request, o) =>
      postChecked<EvaluationSummaryResponseBody>(ctx, `${ctx.llm}/evaluation_summary/`, request, evaluationSummaryResponse, plain(o)),
  };
}
