/**
 * Loops in agent traces: `detectTraceLoops` finds repeated tool calls (same or near-same
 * arguments), repeated generations (same model, same input) and repeating span-name sequences;
 * `traceLoopsByNodeKey` indexes them for flags in a tree or timeline.
 *
 * A `tool-repeat` or `generation-repeat` is a group of at least `minRepeats` (default 3) calls
 * with equal keys anywhere in the trace — or at least 2 when the series is a retry (errors, then
 * success) or failing (all errors). A `sequence-repeat` is a back-to-back block repeat among
 * siblings (see `traceLoopsSequence.ts`). The same events can take part in a tool repeat and in a
 * sequence repeat: they are different findings (same call again; same steps again).
 */
import { asTraceTree, type TraceInsightInput } from "./traceInsightInput";
import { generationRepeatLoops, toolRepeatLoops } from "./traceLoopsCalls";
import { indexTree } from "./traceLoopsFigures";
import { sequenceRepeatLoops } from "./traceLoopsSequence";
import type { TraceLoop, TraceLoopKind, TraceLoopOptions } from "./traceLoopsTypes";
import { finishJob } from "./jobSteps";

const ALL_KINDS: readonly TraceLoopKind[] = ["tool-repeat", "generation-repeat", "sequence-repeat"];

function positiveInt(value: unknown, fallback: number, min: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.max(min, Math.floor(value)) : fallback;
}

/**
 * The loops of one trace, ordered by where they start in the tree (pre-order of their first
 * event). Linear in the trace's size (sequence repeats: × `maxPeriod`); never throws.
 */
export function detectTraceLoops(trace: TraceInsightInput, options: TraceLoopOptions = {}): TraceLoop[] {
  return finishJob(detectTraceLoopsSteps(trace, options));
}

/**
 * `detectTraceLoops` as a job that yields between its passes (index, tool repeats, generation repeats,
 * sequence repeats), so a view can spread a large trace's search over several tasks.
 */
export function* detectTraceLoopsSteps(trace: TraceInsightInput, options: TraceLoopOptions = {}): Generator<void, TraceLoop[], void> {
  const tree = asTraceTree(trace);
  const index = indexTree(tree);
  const minRepeats = positiveInt(options.minRepeats, 3, 2);
  const maxPeriod = positiveInt(options.maxPeriod, 4, 1);
  const kinds = new Set(options.kinds ?? ALL_KINDS);
  const loops: TraceLoop[] = [];
  yield;
  if (kinds.has("tool-repeat")) toolRepeatLoops(index, minRepeats, options.locale, loops);
  yield;
  if (kinds.has("generation-repeat")) generationRepeatLoops(index, minRepeats, options.locale, loops);
  yield;
  if (kinds.has("sequence-repeat")) sequenceRepeatLoops(index, minRepeats, maxPeriod, options.locale, loops);
  const firstPosition = (loop: TraceLoop) => {
    const first = loop.events[0];
    const node = first ? tree.nodesByKey.get(first.nodeKey) : undefined;
    return node ? (index.pre.get(node) ?? 0) : 0;
  };
  const position = new Map(loops.map((loop) => [loop, firstPosition(loop)]));
  return loops.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0) || ALL_KINDS.indexOf(a.kind) - ALL_KINDS.indexOf(b.kind));
}

/** Node key → the loops that node takes part in (for badges on tree rows and timeline bars). */
export function traceLoopsByNodeKey(loops: readonly TraceLoop[]): Map<string, TraceLoop[]> {
  const byKey = new Map<string, TraceLoop[]>();
  for (const loop of loops) {
    for (const event of loop.events) {
      const list = byKey.get(event.nodeKey);
      if (!list) byKey.set(event.nodeKey, [loop]);
      else if (list[list.length - 1] !== loop) list.push(loop);
    }
  }
  return byKey;
}
