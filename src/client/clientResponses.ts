/**
 * Every response body the PostHog client reads is checked before it is used. A 200 whose body is
 * empty, `null` or of the wrong shape is a `parse` ApiError (a panel can offer "Try again"), never an
 * empty table, a "not found", an untitled summary or a wrong sentiment.
 */
import { ApiError } from "./clientErrors";

/** Why a body is unusable, or null when it is fine. */
export type ShapeCheck = (body: unknown) => string | null;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** A `parse` ApiError for a successful status whose body cannot be used. */
export function shapeError(path: string, status: number, problem: string, body: unknown): ApiError {
  return new ApiError({
    kind: "parse",
    status,
    path,
    body: typeof body === "string" ? body.slice(0, 2000) : body,
    message: `POST ${path} returned ${status} with a body tracelens cannot use: ${problem}`,
  });
}

function traceEventProblem(event: unknown, where: string): string | null {
  if (!isRecord(event)) return `${where} is not an object`;
  if (!isString(event.id) || event.id === "") return `${where}.id is not a string`;
  if (!isString(event.event)) return `${where}.event is not a string`;
  if (!isString(event.createdAt)) return `${where}.createdAt is not a string`;
  if (event.properties !== undefined && event.properties !== null && !isRecord(event.properties)) return `${where}.properties is not an object`;
  return null;
}

function traceProblem(trace: unknown, where: string): string | null {
  if (!isRecord(trace)) return `${where} is not an object`;
  if (!isString(trace.id) || trace.id === "") return `${where}.id is not a string`;
  if (!isString(trace.createdAt)) return `${where}.createdAt is not a string`;
  if (!Array.isArray(trace.events)) return `${where}.events is not a list`;
  for (let i = 0; i < trace.events.length; i++) {
    const problem = traceEventProblem(trace.events[i], `${where}.events[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/** TracesQuery / TraceQuery: `{results: LLMTrace[], hasMore?}`. */
export const tracesResponse: ShapeCheck = (body) => {
  if (!isRecord(body)) return "expected an object with `results`";
  if (!Array.isArray(body.results)) return "`results` is not a list";
  if (body.hasMore !== undefined && body.hasMore !== null && typeof body.hasMore !== "boolean") return "`hasMore` is not a boolean";
  for (let i = 0; i < body.results.length; i++) {
    const problem = traceProblem(body.results[i], `results[${i}]`);
    if (problem) return problem;
  }
  return null;
};

/** EventsQuery: positional rows under `columns`. */
export const eventsResponse: ShapeCheck = (body) => {
  if (!isRecord(body)) return "expected an object with `results`";
  if (!Array.isArray(body.results)) return "`results` is not a list";
  if (body.columns !== undefined && (!Array.isArray(body.columns) || !body.columns.every(isString))) return "`columns` is not a list of names";
  if (!body.results.every(Array.isArray)) return "`results` rows are not lists";
  return null;
};

/** The sentiment envelope; entries are checked one by one (`sentimentEntryProblem`). */
export const sentimentResponse: ShapeCheck = (body) => (isRecord(body) && isRecord(body.results) ? null : "expected `{results: {<id>: …}}`");

function scoresProblem(scores: unknown, where: string): string | null {
  if (!isRecord(scores)) return `${where} is not an object`;
  for (const label of ["positive", "neutral", "negative"]) if (!isNumber(scores[label])) return `${where}.${label} is not a number`;
  return null;
}

/** One id's entry: PostHog's `{error}`, or a result with a label, score and scores. */
export function sentimentEntryProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return "not an object";
  if (isString(entry.error)) return null;
  if (entry.label !== "positive" && entry.label !== "neutral" && entry.label !== "negative") return "`label` is not positive, neutral or negative";
  if (!isNumber(entry.score)) return "`score` is not a number";
  const scores = scoresProblem(entry.scores, "`scores`");
  if (scores) return scores;
  if (entry.messages !== undefined && !isRecord(entry.messages)) return "`messages` is not an object";
  if (entry.message_count !== undefined && !isNumber(entry.message_count)) return "`message_count` is not a number";
  return null;
}

export const textReprResponse: ShapeCheck = (body) => {
  if (!isRecord(body)) return "expected `{text, metadata}`";
  if (!isString(body.text)) return "`text` is not a string";
  if (!isRecord(body.metadata)) return "`metadata` is not an object";
  return null;
};

function lineItemsProblem(items: unknown, where: string): string | null {
  if (!Array.isArray(items)) return `${where} is not a list`;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isRecord(item) || !isString(item.text)) return `${where}[${i}].text is not a string`;
    if (item.line_refs !== undefined && item.line_refs !== null && !isString(item.line_refs)) return `${where}[${i}].line_refs is not a string`;
  }
  return null;
}

export const summaryResponse: ShapeCheck = (body) => {
  if (!isRecord(body) || !isRecord(body.summary)) return "expected `{summary, text_repr, metadata}`";
  const s = body.summary;
  if (!isString(s.title)) return "`summary.title` is not a string";
  if (!isString(s.flow_diagram)) return "`summary.flow_diagram` is not a string";
  const bullets = lineItemsProblem(s.summary_bullets, "`summary.summary_bullets`") ?? lineItemsProblem(s.interesting_notes, "`summary.interesting_notes`");
  if (bullets) return bullets;
  if (!isString(body.text_repr)) return "`text_repr` is not a string";
  if (body.metadata !== undefined && !isRecord(body.metadata)) return "`metadata` is not an object";
  return null;
};

export const batchCheckResponse: ShapeCheck = (body) => {
  if (!isRecord(body) || !Array.isArray(body.summaries)) return "expected `{summaries: [...]}`";
  for (let i = 0; i < body.summaries.length; i++) {
    const s = body.summaries[i];
    if (!isRecord(s) || !isString(s.trace_id)) return `summaries[${i}].trace_id is not a string`;
    if (s.title !== undefined && s.title !== null && !isString(s.title)) return `summaries[${i}].title is not a string`;
  }
  return null;
};

export const evaluationSummaryResponse: ShapeCheck = (body) => {
  if (!isRecord(body)) return "expected an evaluation summary object";
  if (!isString(body.overall_assessment)) return "`overall_assessment` is not a string";
  for (const key of ["pass_patterns", "fail_patterns", "na_patterns", "recommendations"]) if (!Array.isArray(body[key])) return `\`${key}\` is not a list`;
  if (!isRecord(body.statistics)) return "`statistics` is not an object";
  return null;
};
