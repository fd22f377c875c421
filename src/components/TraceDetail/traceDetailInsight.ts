/**
 * What TraceDetail adds from core's trace insight: loops, evaluations with their badges, feedback
 * and metrics per node. Computed once per built tree (the tree, the timeline and the tabs share it)
 * and never thrown: a part that fails is empty and says why in `problems`.
 */
import { evaluationBadges, traceEvaluations, type EvaluationBadge, type TraceEvaluations } from "../../core/traceEvaluations";
import { traceFeedbackAndMetrics, type TraceFeedbackAndMetrics } from "../../core/traceFeedback";
import { detectTraceLoopsSteps, traceLoopsByNodeKey } from "../../core/traceLoops";
import type { TraceLoop } from "../../core/traceLoopsTypes";
import type { TraceTree } from "../../core/traceTypes";
import { errorMessage } from "../ui/ErrorState";
import { finishJob } from "../../core/jobSteps";

export interface TraceDetailInsight {
  loops: TraceLoop[];
  /** Node key → the loops it takes part in. */
  loopsByNodeKey: ReadonlyMap<string, TraceLoop[]>;
  evaluations: TraceEvaluations;
  /** Judged node key → one badge per evaluator. */
  badgesByNodeKey: ReadonlyMap<string, EvaluationBadge[]>;
  feedback: TraceFeedbackAndMetrics;
  /** Parts that could not be computed, in words. */
  problems: string[];
}

const EMPTY_EVALUATIONS: TraceEvaluations = { evaluations: [], byTargetKey: new Map(), counts: { pass: 0, fail: 0, "n/a": 0, unknown: 0 } };
const EMPTY_FEEDBACK: TraceFeedbackAndMetrics = { feedback: [], metrics: [], byNodeKey: new Map() };

// Per tree and locale (the loop sentences carry formatted numbers).
const cache = new WeakMap<TraceTree, { locale: string | undefined; insight: TraceDetailInsight }>();

function attempt<T>(what: string, problems: string[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    problems.push(`${what} could not be computed: ${errorMessage(error)}`);
    return fallback;
  }
}

// Evaluations, feedback and metrics: cheap, and the same in every locale.
const baseCache = new WeakMap<TraceTree, TraceDetailInsight>();

/**
 * The insight of `tree` without its loops (an empty list): what a large trace shows until the loops,
 * the costly part, have been looked for in a later task.
 */
export function traceDetailBaseInsight(tree: TraceTree): TraceDetailInsight {
  const cached = cache.get(tree)?.insight ?? baseCache.get(tree);
  if (cached) return cached;
  const insight = insightWith(tree, [], []);
  baseCache.set(tree, insight);
  return insight;
}

/** The insight of `tree`, computed on first use. */
export function traceDetailInsight(tree: TraceTree, locale?: string): TraceDetailInsight {
  return finishJob(traceDetailInsightSteps(tree, locale));
}

/**
 * {@link traceDetailInsight} as a job that yields between the passes of the loop search (a large
 * trace's costly part), so a view can run it in slices; the result is cached as the plain call's is.
 */
export function* traceDetailInsightSteps(tree: TraceTree, locale?: string): Generator<void, TraceDetailInsight, void> {
  const cached = cache.get(tree);
  if (cached && cached.locale === locale) return cached.insight;
  const problems: string[] = [];
  let loops: TraceLoop[] = [];
  try {
    loops = yield* detectTraceLoopsSteps(tree, { locale });
  } catch (error) {
    problems.push(`Loops could not be computed: ${errorMessage(error)}`);
  }
  const insight = insightWith(tree, loops, problems);
  cache.set(tree, { locale, insight });
  return insight;
}

function insightWith(tree: TraceTree, loops: TraceLoop[], problems: string[]): TraceDetailInsight {
  const evaluations = attempt("Evaluations", problems, () => traceEvaluations(tree), EMPTY_EVALUATIONS);
  const badgesByNodeKey = new Map<string, EvaluationBadge[]>();
  for (const [key, list] of evaluations.byTargetKey) badgesByNodeKey.set(key, evaluationBadges(list));
  const insight: TraceDetailInsight = {
    loops,
    loopsByNodeKey: traceLoopsByNodeKey(loops),
    evaluations,
    badgesByNodeKey,
    feedback: attempt("Feedback and metrics", problems, () => traceFeedbackAndMetrics(tree), EMPTY_FEEDBACK),
    problems,
  };
  return insight;
}

const KIND_WORD: Record<TraceLoop["kind"], string> = { "tool-repeat": "Repeated call", "generation-repeat": "Repeated generation", "sequence-repeat": "Repeated steps" };

/** A loop's badge text ("×7") and its sentence for screen readers and tooltips. */
export function loopBadge(loop: TraceLoop): { text: string; label: string } {
  const pattern = loop.pattern === "retry" ? "retry" : loop.pattern === "failing" ? "failing repeats" : "loop";
  return { text: `↻ ${loop.repeats}×`, label: `${KIND_WORD[loop.kind]} (${pattern}): ${loop.description}` };
}

/** The loops a node takes part in, as one line for a bar's label ("loop: read_file ×5"). */
export function loopSummary(loops: readonly TraceLoop[] | undefined): string {
  if (!loops || loops.length === 0) return "";
  return loops.map((loop) => `${loop.pattern === "retry" ? "retry" : "loop"} ${loop.label} ×${loop.repeats}`).join(", ");
}
