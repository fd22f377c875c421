/**
 * `createLocalClient`: the TraceLensClient with no backend. It answers every call the way
 * PostHog's API does (shapes, caps, caches, validation and statuses), from the host's traces,
 * core's text_repr and sentiment rules, a classifier, and host summarizer functions.
 */
import type { EvaluationSummaryResponseBody, SummarizationResponseBody } from "../core/eventsApi";
import type { SentimentResult } from "../core/sentiment/types";
import { loadTextRepr } from "./clientTextReprLoader";
import type { TextReprEventType, TextReprOptions } from "../core/textRepr";
import { ApiError } from "./clientErrors";
import { createLocalCache } from "./clientLocalCache";
import type { SentimentClassifier } from "./clientLocalClassify";
import { localEvaluationSummary, type LocalSummarizeEvaluation } from "./clientLocalEvaluation";
import { localListEvents } from "./clientLocalEvents";
import { localErrorTrends, localListErrors, localListSessions, localTraceNeighbours, type LocalExploreDeps } from "./clientLocalExplore";
import type { LocalFilterContext } from "./clientLocalFilters";
import { localLabels, type LocalLabelClassifiers } from "./clientLocalLabels";
import type { LabelsResult } from "../core/messageLabels";
import { localSentiment } from "./clientLocalSentiment";
import { localBatchCheck, localSummarize, type LocalSummarize } from "./clientLocalSummary";
import { createLocalTraceStore, type LocalTraceSource } from "./clientLocalTraces";
import type { TraceLensClient } from "./clientTypes";
import { badRequest, requireDict, validateTextReprBody } from "./clientValidate";
import type { RequestOptions } from "./clientHttp";

export interface LocalClientOptions {
  /** The traces to serve, as PostHog's query endpoint returns them; or a function read on every call. */
  traces: LocalTraceSource;
  /**
   * Scores user messages; any object with `classify(texts)` (the `tracelens/inference`
   * classifier, for one). Without it, only ids with no user messages (neutral) or with
   * sentiment already on the trace get results; the rest get `{error}`.
   */
  classifier?: SentimentClassifier;
  /**
   * Emotion and toxicity classifiers for user messages (`createEmotionClassifier()` and
   * `createToxicityClassifier()` of tracelens/inference, for example). With either, the client answers
   * `labels()` and the components show what they find; labels stored on events win over them.
   */
  labelClassifiers?: LocalLabelClassifiers;
  /** Writes trace and event summaries (see `openAICompatibleSummarizer`). */
  summarize?: LocalSummarize;
  /** Writes evaluation summaries. */
  summarizeEvaluation?: LocalSummarizeEvaluation;
  /** Query-key scope; set it when several local clients share one QueryClient. @default "local:<n>" */
  scope?: string;
  /** Clock for relative dates and cache expiry. @default Date.now */
  now?: () => number;
  /**
   * How `filterTestAccounts` recognises test accounts: property filters (PostHog's team
   * `test_account_filters`, e.g. `[{type: "person", key: "email", operator: "not_icontains", value: "@acme.com"}]`)
   * or a check on one event. Without it `filterTestAccounts` leaves everything in, as for a team with none.
   */
  testAccounts?: LocalFilterContext["testAccounts"];
  /** Cohort membership for cohort filters (`true` when the person is in the cohort, `undefined` for an unknown cohort). */
  inCohort?: LocalFilterContext["inCohort"];
}

let counter = 0;

function throwIfAborted(options?: RequestOptions): void {
  if (options?.signal?.aborted) throw options.signal.reason;
}

/**
 * A TraceLensClient over the host's own traces, with no network.
 *
 * @example
 * const client = createLocalClient({
 *   traces: myTraces,
 *   classifier: createSentimentClassifier(),                 // from "tracelens/inference"
 *   summarize: openAICompatibleSummarizer({ baseUrl: "http://localhost:11434/v1", model: "llama3.1" }),
 * });
 */
export function createLocalClient(options: LocalClientOptions): TraceLensClient {
  const now = options.now ?? Date.now;
  const filters: LocalFilterContext = { ...(options.testAccounts ? { testAccounts: options.testAccounts } : {}), ...(options.inCohort ? { inCohort: options.inCohort } : {}) };
  const store = createLocalTraceStore(options.traces, now, filters);
  const explore: LocalExploreDeps = { store, now, filters };
  const sentimentCache = createLocalCache<SentimentResult>(now);
  const summaryCache = createLocalCache<SummarizationResponseBody>(now);
  const evaluationCache = createLocalCache<EvaluationSummaryResponseBody>(now);
  const labelsCache = createLocalCache<LabelsResult>(now);
  const classifiers = options.labelClassifiers;
  counter += 1;

  return {
    ...(classifiers?.emotion || classifiers?.toxicity
      ? {
          async labels(request, o) {
            throwIfAborted(o);
            requireDict(request, "local:labels");
            return localLabels({ store, cache: labelsCache, classifiers }, request, o?.signal);
          },
        }
      : {}),
    scope: options.scope ?? `local:${counter}`,

    async listTraces(params = {}, o) {
      throwIfAborted(o);
      return store.list(params);
    },

    async getTrace(params, o) {
      throwIfAborted(o);
      if (typeof params?.traceId !== "string" || params.traceId === "") throw badRequest({ traceId: ["This field is required."] }, "local:query");
      return store.get(params);
    },

    async listEvents(params, o) {
      throwIfAborted(o);
      return localListEvents(store, params ?? {}, now());
    },

    async sentiment(request, o) {
      throwIfAborted(o);
      requireDict(request, "local:sentiment");
      return localSentiment({ store, cache: sentimentCache, classifier: options.classifier, now }, request, o?.signal);
    },

    async textRepr(request, o) {
      throwIfAborted(o);
      const body = validateTextReprBody(request, "local:text_repr");
      const { formatTextRepr } = await loadTextRepr();
      const result = formatTextRepr(body.event_type as TextReprEventType, body.data, body.options as TextReprOptions | undefined);
      // DRF's field errors, as PostHog answers: `{"options": {"max_length": [...]}}`, `{"event_type": [...]}`.
      if (result.error?.status === 400) throw badRequest(result.error.body, "local:text_repr");
      if (result.error) {
        throw new ApiError({
          kind: "http",
          status: 500,
          path: "local:text_repr",
          body: { error: "Internal server error", detail: "Failed to generate text representation" },
          cause: new Error(result.error.message),
        });
      }
      // Ids are echoed as given; PostHog's response type narrows them to strings.
      const { event_id, trace_id } = result.metadata;
      return { text: result.text, metadata: { ...result.metadata, event_id: event_id as string | null, trace_id: trace_id as string | null } };
    },

    async summarize(request, o) {
      throwIfAborted(o);
      return localSummarize({ store, cache: summaryCache, summarize: options.summarize }, request, o?.signal);
    },

    async summaryBatchCheck(request, o) {
      throwIfAborted(o);
      requireDict(request, "local:batch_check");
      return localBatchCheck({ store, cache: summaryCache }, request);
    },

    async evaluationSummary(request, o) {
      throwIfAborted(o);
      return localEvaluationSummary({ store, cache: evaluationCache, summarizeEvaluation: options.summarizeEvaluation }, request, o?.signal);
    },

    async listSessions(params = {}, o) {
      throwIfAborted(o);
      return localListSessions(explore, params ?? {});
    },

    async listErrors(params = {}, o) {
      throwIfAborted(o);
      return localListErrors(explore, params ?? {});
    },

    async errorTrends(params, o) {
      throwIfAborted(o);
      return localErrorTrends(explore, params);
    },

    async traceNeighbours(params, o) {
      throwIfAborted(o);
      return localTraceNeighbours(explore, params);
    },
  };
}
