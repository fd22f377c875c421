/**
 * Evaluation summaries with no backend: the runs PostHog would fetch for an evaluation (its
 * `$ai_evaluation` events in the host's traces), summarized by a host function, with the
 * statistics counted from the runs (never taken from the model), as PostHog does.
 */
import type {
  EvaluationSummaryFilter,
  EvaluationSummaryPattern,
  EvaluationSummaryRequestBody,
  EvaluationSummaryResponseBody,
} from "../core/eventsApi";
import { readBoolean } from "../core/eventsAccess";
import type { LLMTraceEvent } from "../core/eventsTrace";
import { ApiError, isAbortError } from "./clientErrors";
import type { LocalCache } from "./clientLocalCache";
import type { LocalTraceStore } from "./clientLocalTraces";
import { EVALUATION_SUMMARY_MAX_RUNS } from "./clientTypes";
import { badRequest, validateEvaluationSummaryBody } from "./clientValidate";

/** One evaluation run as the summarizer sees it; `result` is null for N/A. */
export interface LocalEvaluationRun {
  generation_id: string;
  result: boolean | null;
  reasoning: string;
}

export interface LocalEvaluationSummaryRequest {
  evaluationId: string;
  /** `$ai_evaluation_name` of the runs, when they carry one. */
  evaluationName: string | null;
  filter: EvaluationSummaryFilter;
  /** Newest first, at most 250. */
  runs: LocalEvaluationRun[];
  signal?: AbortSignal;
}

/** What a host evaluation summarizer returns; `statistics` is ignored and recounted. */
export type LocalEvaluationSummary = Omit<EvaluationSummaryResponseBody, "statistics"> & {
  statistics?: EvaluationSummaryResponseBody["statistics"];
};

export type LocalSummarizeEvaluation = (request: LocalEvaluationSummaryRequest) => Promise<LocalEvaluationSummary>;

export interface LocalEvaluationDeps {
  store: LocalTraceStore;
  cache: LocalCache<EvaluationSummaryResponseBody>;
  summarizeEvaluation?: LocalSummarizeEvaluation;
}

const PATH = "local:evaluation_summary";
const TTL_MS = 3_600_000;

function keep(event: LLMTraceEvent, filter: EvaluationSummaryFilter): boolean {
  const result = readBoolean(event.properties?.$ai_evaluation_result);
  const applicable = readBoolean(event.properties?.$ai_evaluation_applicable);
  if (filter === "na") return applicable === false;
  if (filter === "pass") return result === true && applicable !== false;
  if (filter === "fail") return result === false && applicable !== false;
  return true;
}

function toRun(event: LLMTraceEvent): LocalEvaluationRun {
  const p = event.properties ?? {};
  const applicable = readBoolean(p.$ai_evaluation_applicable);
  return {
    generation_id: String(p.$ai_target_event_id ?? ""),
    result: applicable === false ? null : readBoolean(p.$ai_evaluation_result),
    reasoning: typeof p.$ai_evaluation_reasoning === "string" ? p.$ai_evaluation_reasoning : "",
  };
}

function patterns(value: unknown, field: string): EvaluationSummaryPattern[] {
  if (!Array.isArray(value)) throw new Error(`${field} must be an array`);
  return value.map((item: Partial<EvaluationSummaryPattern>, i) => {
    if (typeof item?.title !== "string" || typeof item.description !== "string" || !Array.isArray(item.example_generation_ids)) {
      throw new Error(`${field}[${i}] needs title, description and example_generation_ids`);
    }
    return {
      title: item.title,
      description: item.description,
      frequency: typeof item.frequency === "string" ? item.frequency : "occasional",
      ...(typeof item.example_reasoning === "string" ? { example_reasoning: item.example_reasoning } : {}),
      example_generation_ids: item.example_generation_ids.map(String),
    };
  });
}

function checkAnswer(answer: LocalEvaluationSummary, runs: LocalEvaluationRun[]): EvaluationSummaryResponseBody {
  if (typeof answer?.overall_assessment !== "string") throw new Error("overall_assessment must be a string");
  const recommendations = answer.recommendations ?? [];
  if (!Array.isArray(recommendations) || recommendations.some((r) => typeof r !== "string")) {
    throw new Error("recommendations must be an array of strings");
  }
  return {
    overall_assessment: answer.overall_assessment,
    pass_patterns: patterns(answer.pass_patterns ?? [], "pass_patterns"),
    fail_patterns: patterns(answer.fail_patterns ?? [], "fail_patterns"),
    na_patterns: patterns(answer.na_patterns ?? [], "na_patterns"),
    recommendations,
    statistics: {
      total_analyzed: runs.length,
      pass_count: runs.filter((r) => r.result === true).length,
      fail_count: runs.filter((r) => r.result === false).length,
      na_count: runs.filter((r) => r.result === null).length,
    },
  };
}

/** `POST …/evaluation_summary/` answered locally. */
export async function localEvaluationSummary(
  deps: LocalEvaluationDeps,
  input: EvaluationSummaryRequestBody,
  signal?: AbortSignal,
): Promise<EvaluationSummaryResponseBody> {
  const body = validateEvaluationSummaryBody(input, PATH) as unknown as EvaluationSummaryRequestBody;
  const filter = body.filter ?? "all";
  const all = (await deps.store.all()).flatMap((trace) =>
    trace.events.filter((e) => e.event === "$ai_evaluation" && e.properties?.$ai_evaluation_id === body.evaluation_id),
  );
  if (all.length === 0) {
    throw new ApiError({ kind: "http", status: 404, path: PATH, body: { error: `Evaluation ${body.evaluation_id} not found` } });
  }
  const targets = body.generation_ids?.length ? new Set(body.generation_ids.map(String)) : null;
  const events = all
    .filter((e) => keep(e, filter) && (!targets || targets.has(String(e.properties?.$ai_target_event_id))))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, EVALUATION_SUMMARY_MAX_RUNS);
  if (events.length === 0) throw badRequest({ error: "No evaluation runs found for the specified criteria" }, PATH);
  const runs = events.map(toRun);
  // Keyed by the runs actually fetched, so new runs change the key by themselves (as in PostHog).
  const key = `${body.evaluation_id}:${filter}:${runs.map((r) => r.generation_id).sort().join(",")}`;
  const cached = body.force_refresh === true ? undefined : deps.cache.get(key);
  if (cached) return cached;
  if (!deps.summarizeEvaluation) {
    throw new ApiError({
      kind: "http",
      status: 501,
      path: PATH,
      body: { error: "No evaluation summarizer configured", detail: "Pass `summarizeEvaluation` to createLocalClient." },
    });
  }
  const name = all.map((e) => e.properties?.$ai_evaluation_name).find((n): n is string => typeof n === "string") ?? null;
  let response: EvaluationSummaryResponseBody;
  try {
    const answer = await deps.summarizeEvaluation({ evaluationId: body.evaluation_id, evaluationName: name, filter, runs, signal });
    response = checkAnswer(answer, runs);
  } catch (error) {
    if (signal?.aborted || isAbortError(error)) throw signal?.reason ?? error;
    throw new ApiError({
      kind: "http",
      status: 500,
      path: PATH,
      body: { error: "Failed to generate summary", detail: "An error occurred while generating the summary" },
      cause: error,
    });
  }
  deps.cache.set(key, response, TTL_MS);
  return response;
}
