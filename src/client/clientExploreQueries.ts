/**
 * The queries PostHog's own AI-observability tabs send, as tracelens sends them:
 * - sessions: a HogQLQuery over `events`, grouped by trace then by `$ai_session_id`
 *   (products/ai_observability/backend/queries/sessions.sql, aiObservabilitySessionsViewLogic.ts);
 * - errors: a HogQLQuery grouped by `$ai_error_normalized` (products/ai_observability/backend/queries/
 *   errors.sql, aiObservabilityErrorsLogic.ts), and a TrendsQuery over the four AI event kinds broken down
 *   by the same property for the per-error counts over time (the same logic's trend queries);
 * - neighbours: a TraceNeighborsQuery (aiObservabilityTraceLogic.ts loadNeighbors).
 * Two deliberate additions to the HogQL: a tie-break on the group key in ORDER BY, and `OFFSET`, so pages
 * never overlap or skip rows (PostHog's own pages are 50 sessions or 100 errors, newest logic pages by
 * offset too). The strict mock (tracelens/msw) recognises exactly these texts.
 */
import type { ErrorSort } from "../core/errorGroups";
import type { QueryPropertyFilter } from "../core/eventsTrace";
import { hogqlEscape } from "../core/filterPropertiesMatch";
import type { SessionSort } from "../core/sessionRows";

/** Placeholders: `__ORDER_BY__ __ORDER_DIRECTION__`, `__LIMIT__`, `__OFFSET__`. */
export const SESSIONS_HOGQL_TEMPLATE = `
SELECT
    session_id,
    count() AS traces,
    sum(spans) AS spans,
    sum(generations) AS generations,
    sum(embeddings) AS embeddings,
    sum(errors) AS errors,
    round(sum(trace_cost), 4) AS total_cost,
    round(sum(trace_latency), 2) AS total_latency,
    min(first_seen) AS first_seen,
    max(last_seen) AS last_seen
FROM (
    SELECT
        anyIf(properties.$ai_session_id, isNotNull(properties.$ai_session_id) AND properties.$ai_session_id != '') AS session_id,
        countIf(event = '$ai_span') AS spans,
        countIf(event = '$ai_generation') AS generations,
        countIf(event = '$ai_embedding') AS embeddings,
        countIf(properties.$ai_is_error = 'true') AS errors,
        sumIf(toFloat(properties.$ai_total_cost_usd), event IN ('$ai_generation', '$ai_embedding')) AS trace_cost,
        coalesce(
            anyIf(toFloat(properties.$ai_latency), event = '$ai_trace' AND isNotNull(properties.$ai_latency)),
            sumIf(toFloat(properties.$ai_latency), event IN ('$ai_generation', '$ai_embedding', '$ai_span'))
        ) AS trace_latency,
        min(timestamp) AS first_seen,
        max(timestamp) AS last_seen
    FROM events
    WHERE event IN ('$ai_generation', '$ai_span', '$ai_embedding', '$ai_trace')
        AND isNotNull(properties.$ai_trace_id)
        AND properties.$ai_trace_id != ''
        AND {filters}
    GROUP BY properties.$ai_trace_id
    HAVING session_id != '' AND isNotNull(session_id)
)
GROUP BY session_id
ORDER BY __ORDER_BY__ __ORDER_DIRECTION__, session_id ASC
LIMIT __LIMIT__ OFFSET __OFFSET__
`;

/** Placeholders as in `SESSIONS_HOGQL_TEMPLATE`. */
export const ERRORS_HOGQL_TEMPLATE = `
SELECT
    properties.$ai_error_normalized AS error,
    countDistinctIf(properties.$ai_trace_id, properties.$ai_trace_id != '') AS traces,
    countIf(event = '$ai_generation') AS generations,
    countIf(event = '$ai_span') AS spans,
    countIf(event = '$ai_embedding') AS embeddings,
    countDistinctIf(properties.$ai_session_id, properties.$ai_session_id != '') AS sessions,
    uniq(distinct_id) AS users,
    uniq(toDate(timestamp)) AS days_seen,
    min(timestamp) AS first_seen,
    max(timestamp) AS last_seen
FROM events
WHERE event IN ('$ai_generation', '$ai_span', '$ai_trace', '$ai_embedding')
    AND properties.$ai_is_error = 'true'
    AND {filters}
GROUP BY error
ORDER BY __ORDER_BY__ __ORDER_DIRECTION__, error ASC
LIMIT __LIMIT__ OFFSET __OFFSET__
`;

function fill(template: string, column: string, direction: "ASC" | "DESC", limit: number, offset: number): string {
  return template.replace("__ORDER_BY__", column).replace("__ORDER_DIRECTION__", direction).replace("__LIMIT__", String(limit)).replace("__OFFSET__", String(offset));
}

/** The sessions HogQL for one page. */
export function sessionsHogQL(sort: SessionSort, limit: number, offset: number): string {
  return fill(SESSIONS_HOGQL_TEMPLATE, sort.column, sort.direction, limit, offset);
}

/** The errors HogQL for one page. */
export function errorsHogQL(sort: ErrorSort, limit: number, offset: number): string {
  return fill(ERRORS_HOGQL_TEMPLATE, sort.column, sort.direction, limit, offset);
}

/** The four event kinds PostHog's error trends count, one series each. */
export const ERROR_TREND_SERIES = ["$ai_generation", "$ai_span", "$ai_trace", "$ai_embedding"] as const;

/**
 * The filters that keep one error group's events, as PostHog's errors tab links to traces: `$ai_is_error`
 * "true" and `$ai_error_normalized` equal to the message, escaped as HogQL reads stored text.
 */
export function errorGroupFilters(error: string | readonly string[]): QueryPropertyFilter[] {
  const values = (Array.isArray(error) ? error : [error]).map((e) => hogqlEscape(e));
  return [
    { type: "event", key: "$ai_is_error", operator: "exact", value: "true" },
    { type: "event", key: "$ai_error_normalized", operator: "exact", value: values.length === 1 ? values[0] : values },
  ];
}
