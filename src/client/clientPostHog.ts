/**
 * `createPostHogClient`: the TraceLensClient that speaks PostHog's LLM-analytics HTTP API
 * (`shared/spec/posthog-api.md`): the query endpoint for traces, and the sentiment, text_repr,
 * summarization, batch_check and evaluation_summary endpoints.
 */
import type { EvaluationSummaryResponseBody, TextReprResponseBody } from "../core/eventsApi";
import { createLimiter } from "./clientConcurrency";
import { credentialPlaces, headerEntries, refuseBrowserCredentials, urlCredentialSecrets, urlCredentials } from "./clientCredentials";
import type { HeadersOption, HttpTransport } from "./clientHttp";
import { TimestampMemory } from "./clientLookupWindows";
import { plain, postChecked, type PostHogContext } from "./clientPostHogContext";
import { errorTrends, listErrors, listSessions, traceNeighbours } from "./clientPostHogExplore";
import { getTrace, listEvents, listTraces } from "./clientPostHogQuery";
import { sentiment } from "./clientPostHogSentiment";
import { summarize, summaryBatchCheck } from "./clientPostHogSummary";
import { evaluationSummaryResponse, textReprResponse } from "./clientResponses";
import { resolveRetryPolicy, type RetryPolicy } from "./clientRetry";
import { SENTIMENT_MAX_IN_FLIGHT, type TraceLensClient } from "./clientTypes";

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

/**
 * A TraceLensClient over PostHog's API, written against PostHog's own rules
 * (shared/spec/posthog-contract.md). Every lookup by id carries a date window that holds its data
 * (a caller's `timestamp`, a time this client has seen, or ever wider windows). Query fields a server
 * does not know are dropped for that server and the work done another way. Stored sentiment comes
 * inline (`includeSentiment`), on-read `/sentiment/` is the fallback. Every answer's shape is checked.
 * Sentiment ids go 5 per request with 2 such requests in flight, batch_check ids 100; every request goes through one per-client
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
  const ctx: PostHogContext = {
    transport,
    env,
    llm: `${env}/llm_analytics`,
    personalApiKey: Boolean(options.apiKey),
    timestamps: new TimestampMemory(),
    refusedQueryFields: new Map(),
    batchCheckRefusal: null,
    sentimentSlots: createLimiter(SENTIMENT_MAX_IN_FLIGHT),
  };

  return {
    // Query keys show up in devtools: never with user-info in them.
    scope: `posthog:${publicHost}:${String(options.projectId)}`,
    listTraces: (params, o) => listTraces(ctx, params, o),
    getTrace: (params, o) => getTrace(ctx, params, o),
    listEvents: (params, o) => listEvents(ctx, params, o),
    sentiment: (request, o) => sentiment(ctx, request, o),
    textRepr: (request, o) => postChecked<TextReprResponseBody>(ctx, `${ctx.llm}/text_repr/`, request, textReprResponse, plain(o)),
    summarize: (request, o) => summarize(ctx, request, o),
    summaryBatchCheck: (request, o) => summaryBatchCheck(ctx, request, o),
    evaluationSummary: (request, o) =>
      postChecked<EvaluationSummaryResponseBody>(ctx, `${ctx.llm}/evaluation_summary/`, request, evaluationSummaryResponse, plain(o)),
    listSessions: (params, o) => listSessions(ctx, params, o),
    listErrors: (params, o) => listErrors(ctx, params, o),
    errorTrends: (params, o) => errorTrends(ctx, params, o),
    traceNeighbours: (params, o) => traceNeighbours(ctx, params, o),
  };
}
