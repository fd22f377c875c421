/**
 * Repeating span-name sequences among siblings: a block of k names (k = 1..maxPeriod) occurring
 * r >= minRepeats times back to back in a node's children (time order, evaluations left out),
 * e.g. `plan → search → plan → search → plan → search` (period 2, 3 repeats).
 *
 * Names are compared with their kind (`span:search` differs from a generation named `search`), and
 * a block must hold at least one span: turn after turn of bare generations is a conversation.
 * Per period k, a run where child i equals child i+k marks a periodic stretch; overlapping finds
 * keep the one covering most children, then the shortest period (so `A A A A` is period 1, not
 * period 2). Repeats that overlap in time (a fan-out of parallel calls) are not a cycle: the run is
 * cut there and each part must still reach minRepeats. O(children × maxPeriod) per node.
 */
import { figuresPhrase, inSequence, loopEvents, loopFigures, loopPattern, repeatSpan, type TreeIndex } from "./traceLoopsFigures";
import type { TraceLoop } from "./traceLoopsTypes";
import { NodeVocabulary, workChildren } from "./traceInsightInput";
import type { TraceTreeNode } from "./traceTypes";

interface Found {
  start: number;
  period: number;
  repeats: number;
}

/** Periodic stretches of `tokens`, non-overlapping, best first as described above. */
export function tandemRepeats(tokens: readonly number[], minRepeats: number, maxPeriod: number): Found[] {
  const n = tokens.length;
  const found: Found[] = [];
  const longest = Math.min(maxPeriod, Math.floor(n / minRepeats));
  for (let k = 1; k <= longest; k++) {
    let i = 0;
    while (i + k < n) {
      if (tokens[i] !== tokens[i + k]) {
        i++;
        continue;
      }
      let j = i;
      while (j + k < n && tokens[j] === tokens[j + k]) j++;
      const repeats = Math.floor((j - i + k) / k);
      if (repeats >= minRepeats) found.push({ start: i, period: k, repeats });
      i = j;
    }
  }
  found.sort((a, b) => b.period * b.repeats - a.period * a.repeats || a.period - b.period || a.start - b.start);
  const taken = new Uint8Array(n);
  const kept: Found[] = [];
  for (const candidate of found) {
    const end = candidate.start + candidate.period * candidate.repeats;
    let free = true;
    for (let i = candidate.start; i < end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, candidate.start, end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Splits a run's blocks where consecutive blocks overlap in time; keeps parts with enough repeats. */
function sequentialParts(blocks: TraceTreeNode[][], minRepeats: number): TraceTreeNode[][][] {
  const parts: TraceTreeNode[][][] = [];
  let current: TraceTreeNode[][] = [];
  let previous: ReturnType<typeof repeatSpan> | null = null;
  for (const block of blocks) {
    const span = repeatSpan(block);
    if (previous !== null && !inSequence(previous, span)) {
      if (current.length >= minRepeats) parts.push(current);
      current = [];
    }
    current.push(block);
    previous = span;
  }
  if (current.length >= minRepeats) parts.push(current);
  return parts;
}

/** Sequence repeats under every node of the tree. */
export function sequenceRepeatLoops(index: TreeIndex, minRepeats: number, maxPeriod: number, locale: string | undefined, into: TraceLoop[]): void {
  const vocabulary = new NodeVocabulary();
  for (const parent of index.order) {
    const children = workChildren(parent);
    if (children.length < minRepeats) continue;
    const tokens = children.map((child) => vocabulary.id(child));
    for (const run of tandemRepeats(tokens, minRepeats, maxPeriod)) {
      const blocks: TraceTreeNode[][] = [];
      for (let r = 0; r < run.repeats; r++) blocks.push(children.slice(run.start + r * run.period, run.start + (r + 1) * run.period));
      for (const repeats of sequentialParts(blocks, minRepeats)) {
        const first = repeats[0] as TraceTreeNode[];
        // Generation-only blocks are conversations turn by turn; repeated inputs are generation repeats.
        if (!first.some((node) => node.kind === "span")) continue;
        const names = first.map((node) => node.name);
        const label = names.join(" → ");
        const figures = loopFigures(index, repeats.flat());
        const pattern = loopPattern(repeats.map((block) => block.some((node) => node.metrics.errorCount > 0)));
        const where = parent === index.tree.root ? "at the top of the trace" : `under ${parent.name}`;
        into.push({
          kind: "sequence-repeat",
          traceId: index.tree.traceId,
          label,
          block: names,
          period: run.period,
          repeats: repeats.length,
          match: null,
          pattern,
          parallel: false,
          parentKey: parent.key,
          events: loopEvents(index, repeats),
          figures,
          description: `${label} repeated ${repeats.length} times in a row ${where}` + figuresPhrase(figures, locale),
        });
      }
    }
  }
}
