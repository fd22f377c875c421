/**
 * Summaries through PostHog: by id with a window that holds the subject (PostHog looks ids up in the
 * last 30 days unless told otherwise, then answers 404, posthog-contract.md F-M2), and batch_check,
 * which PostHog refuses to every scoped personal API key (a custom action with no scope, F-A5/F-A6).
 */
import type {
  SummarizationBatchCheckRequestBody,
  SummarizationBatchCheckResponseBody,
  SummarizationRequestBody,
  SummarizationResponseBody,
} from "../core/eventsApi";
import { chunk, uniqueIds } from "./clientChunk";
import { ApiError, isApiError } from "./clientErrors";
import type { RequestOptions } from "./clientHttp";
import { WIDENING_STEPS, windowAround } from "./clientLookupWindows";
import { knownTime, plain, postChecked, type PostHogContext } from "./clientPostHogContext";
import { batchCheckResponse, isRecord, summaryResponse } from "./clientResponses";
import { SUMMARY_BATCH_CHECK_MAX_IDS } from "./clientTypes";

function notFoundInRange(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 404) return false;
  const detail = isRecord(error.body) ? error.body.detail : error.body;
  return typeof detail === "string" && /not found in the given date range/i.test(detail);
}

/** The summarization windows after the server's own 30 days. */
const WIDER_THAN_DEFAULT = WIDENING_STEPS.filter((step) => step === "-90d" || step === "all");

/**
 * A summary. By id without dates: a window around the time known for the id, else PostHog's 30 days,
 * then 90 days and all time while the answer is "not found in the given date range".
 */
export async function summarize(ctx: PostHogContext, request: SummarizationRequestBody, o?: RequestOptions): Promise<SummarizationResponseBody> {
  const path = `${ctx.llm}/summarization/`;
  const send = (body: SummarizationRequestBody) => postChecked<SummarizationResponseBody>(ctx, path, body, summaryResponse, plain(o));
  const id = request.trace_id || request.generation_id;
  if (!id || request.data !== undefined || request.date_from || request.date_to) return send(request);
  const known = knownTime(ctx, id, o, o?.timestamp);
  if (known !== null) {
    try {
      return await send({ ...request, ...windowAround(known) });
    } catch (error) {
      if (!notFoundInRange(error)) throw error;
    }
  }
  let last: unknown;
  for (const window of [null, ...WIDER_THAN_DEFAULT]) {
    try {
      return await send(window ? { ...request, date_from: window } : request);
    } catch (error) {
      if (!notFoundInRange(error)) throw error;
      last = error;
    }
  }
  throw last;
}

const PERSONAL_KEY_REFUSAL = /does not support Personal API Key access/i;

/** Whether an error is batch_check being refused to a personal API key (ApiError kind `unsupported`). */
export function isPersonalApiKeyUnsupported(error: unknown): boolean {
  return isApiError(error) && error.kind === "unsupported";
}

/**
 * Which traces have a cached summary. A scoped personal API key cannot call it: the first 403 becomes an
 * `unsupported` ApiError, remembered, so later calls fail at once without a request and nothing retries.
 */
export async function summaryBatchCheck(
  ctx: PostHogContext,
  request: SummarizationBatchCheckRequestBody,
  o?: RequestOptions,
): Promise<SummarizationBatchCheckResponseBody> {
  if (ctx.batchCheckRefusal) throw ctx.batchCheckRefusal.error;
  const path = `${ctx.llm}/summarization/batch_check/`;
  const ids = uniqueIds(request.trace_ids);
  try {
    const parts = await Promise.all(
      chunk(ids, SUMMARY_BATCH_CHECK_MAX_IDS).map((traceIds) =>
        postChecked<SummarizationBatchCheckResponseBody>(ctx, path, { ...request, trace_ids: traceIds }, batchCheckResponse, plain(o)),
      ),
    );
    return { summaries: parts.flatMap((part) => part.summaries.map((s) => ({ ...s, title: s.title || "Untitled trace" }))) };
  } catch (error) {
    const detail = isApiError(error) && isRecord(error.body) ? error.body.detail : undefined;
    if (isApiError(error) && error.status === 403 && ctx.personalApiKey && typeof detail === "string" && PERSONAL_KEY_REFUSAL.test(detail)) {
      const refusal = new ApiError({
        kind: "unsupported",
        status: 403,
        path,
        body: error.body,
        message: "Cached-summary checks (summarization/batch_check) are not available with a personal API key: PostHog allows them only for a logged-in session.",
        cause: error,
      });
      ctx.batchCheckRefusal = { error: refusal };
      throw refusal;
    }
    throw error;
  }
}
