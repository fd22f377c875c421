/**
 * `$ai_evaluation` results of a trace, per judged event, for an Evaluations tab and for badges on
 * the events they judged (PostHog shows one badge per evaluator with its latest result, the run
 * count and the reasoning).
 *
 * Verdict, as PostHog's text representation reads it: `n/a` when `$ai_evaluation_applicable` is
 * false (or "false"), else `pass` / `fail` from `$ai_evaluation_result` (booleans or "true"/"false"),
 * else `unknown`. Runtime label: `llm_judge/{model}` for LLM judges with a model, else the runtime.
 */
import { isPropertyBag, readBoolean, readId, readString, readTimestampMs } from "./eventsAccess";
import { asTraceTree, traceEventRef, traceNodesPreOrder, type TraceEventRef, type TraceInsightInput } from "./traceInsightInput";
import type { TraceTree, TraceTreeNode } from "./traceTypes";

export type EvaluationVerdict = "pass" | "fail" | "n/a" | "unknown";

/** One evaluation run. */
export interface TraceEvaluation {
  /** The `$ai_evaluation` event. */
  event: TraceEventRef;
  /** The judged node: `$ai_target_event_id` resolved in the tree; the root when it names nothing found. */
  targetKey: string;
  /** `$ai_target_event_id` names an event of this trace (false: the tree hung it by `$ai_parent_id` or at the root). */
  targetFound: boolean;
  /** `$ai_target_event_id` as sent. */
  targetEventId: string | null;
  /** `$ai_evaluation_id`: the evaluator's config id. */
  evaluationId: string | null;
  /** `$ai_evaluation_name`, or "Unknown evaluation" (PostHog's default). */
  name: string;
  verdict: EvaluationVerdict;
  reasoning: string | null;
  model: string | null;
  runtime: string | null;
  /** `llm_judge/gpt-4.1-mini`, `hog`, … or `null`. */
  runtimeLabel: string | null;
  /** `$ai_evaluation_start_time` (ISO) as sent. */
  startedAt: string | null;
  createdAt: string;
  /** Run time from start to capture, milliseconds; `null` when either is missing or they disagree. */
  durationMs: number | null;
}

/** The evaluations of a trace. */
export interface TraceEvaluations {
  /** In time order. */
  evaluations: TraceEvaluation[];
  /** Judged node key → its evaluations, in time order. */
  byTargetKey: ReadonlyMap<string, TraceEvaluation[]>;
  counts: Record<EvaluationVerdict, number>;
}

/** One evaluator's results on one event: the badge. */
export interface EvaluationBadge {
  /** `evaluationId`, else the name: what groups runs of the same evaluator. */
  evaluatorKey: string;
  name: string;
  /** Its most recent run (by capture time). */
  latest: TraceEvaluation;
  runCount: number;
  counts: Record<EvaluationVerdict, number>;
}

/** The verdict of an evaluation's properties (see the module comment). */
export function evaluationVerdict(properties: unknown): EvaluationVerdict {
  const p = isPropertyBag(properties) ? properties : {};
  if (readBoolean(p.$ai_evaluation_applicable) === false) return "n/a";
  const result = readBoolean(p.$ai_evaluation_result);
  return result === true ? "pass" : result === false ? "fail" : "unknown";
}

function readEvaluation(tree: TraceTree, node: TraceTreeNode): TraceEvaluation {
  const p = isPropertyBag(node.event?.properties) ? node.event.properties : {};
  const targetEventId = readId(p.$ai_target_event_id);
  const parent = tree.nodesByKey.get(node.parentKey ?? "") ?? tree.root;
  const runtime = readString(p.$ai_evaluation_runtime) || null;
  const model = readString(p.$ai_evaluation_model) || null;
  const startedAt = readString(p.$ai_evaluation_start_time) || null;
  const createdAt = typeof node.event?.createdAt === "string" ? node.event.createdAt : "";
  const start = readTimestampMs(startedAt);
  const end = readTimestampMs(createdAt);
  return {
    event: traceEventRef(tree, node),
    targetKey: parent.key,
    targetFound: targetEventId !== null && tree.nodesByEventId.get(targetEventId) === parent,
    targetEventId,
    evaluationId: readId(p.$ai_evaluation_id),
    name: readString(p.$ai_evaluation_name)?.trim() || "Unknown evaluation",
    verdict: evaluationVerdict(p),
    reasoning: readString(p.$ai_evaluation_reasoning) || null,
    model,
    runtime,
    runtimeLabel: runtime === "llm_judge" && model ? `llm_judge/${model}` : runtime,
    startedAt,
    createdAt,
    durationMs: start !== null && end !== null && end >= start ? end - start : null,
  };
}

function emptyCounts(): Record<EvaluationVerdict, number> {
  return { pass: 0, fail: 0, "n/a": 0, unknown: 0 };
}

function byTime(list: TraceEvaluation[]): TraceEvaluation[] {
  const order = new Map(list.map((e, i) => [e, i]));
  const time = (e: TraceEvaluation) => readTimestampMs(e.createdAt) ?? Number.POSITIVE_INFINITY;
  return list.sort((a, b) => time(a) - time(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** Every evaluation in a trace with what it judged. Never throws. */
export function traceEvaluations(trace: TraceInsightInput): TraceEvaluations {
  const tree = asTraceTree(trace);
  const evaluations: TraceEvaluation[] = [];
  for (const node of traceNodesPreOrder(tree)) if (node.kind === "evaluation") evaluations.push(readEvaluation(tree, node));
  byTime(evaluations);
  const byTargetKey = new Map<string, TraceEvaluation[]>();
  const counts = emptyCounts();
  for (const evaluation of evaluations) {
    counts[evaluation.verdict]++;
    const list = byTargetKey.get(evaluation.targetKey);
    if (list) list.push(evaluation);
    else byTargetKey.set(evaluation.targetKey, [evaluation]);
  }
  return { evaluations, byTargetKey, counts };
}

/**
 * One badge per evaluator (grouped by `evaluationId`, else name) over `evaluations` — pass those
 * of one judged event — with its latest run, run count and verdict counts; in first-run order.
 */
export function evaluationBadges(evaluations: readonly TraceEvaluation[]): EvaluationBadge[] {
  const badges = new Map<string, EvaluationBadge>();
  for (const evaluation of byTime([...evaluations])) {
    const key = evaluation.evaluationId ?? `name:${evaluation.name}`;
    const badge = badges.get(key) ?? { evaluatorKey: key, name: evaluation.name, latest: evaluation, runCount: 0, counts: emptyCounts() };
    badge.runCount++;
    badge.counts[evaluation.verdict]++;
    badge.latest = evaluation;
    badge.name = evaluation.name;
    badges.set(key, badge);
  }
  return [...badges.values()];
}
