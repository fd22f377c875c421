import { pyGet } from "../python/pyValue";
import { meanSentimentScores, selectSentimentLabel, setOwnEntry } from "./score";
import { resolveNeutralMargin, scoreSentimentMessage } from "./scoreGeneration";
import type { ScoredMessages } from "./scoreGeneration";
import type { SentimentScores, TraceSentiment } from "./types";

/** One classified message of a trace, in pending (classification) order. */
export interface TraceSentimentMessageInput {
  generationId: string;
  index: number;
  text?: string;
  output: unknown;
}

export interface TraceSentimentOptions {
  /**
   * Neutral margin for the trace and its generations. Default 0: the trace builder the parity
   * vectors come from uses plain argmax. Set it where the server applies a margin.
   */
  neutralMargin?: number;
  /** Keep each message's `text` in `generations[*].messages`; that trace builder stores none. */
  includeMessageText?: boolean;
}

function generationKey(id: unknown): string | undefined {
  if (typeof id === "string") return id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  return undefined;
}

/**
 * PostHog's trace-level result. The trace `scores` are the flat mean over every message of every
 * generation (not a mean of generation means), so a message repeated in several generations'
 * histories counts each time. Generations appear in first-seen order, each with its own means,
 * label and messages. Labels use plain argmax unless `neutralMargin` says otherwise. Entries
 * without a usable generation id or index are skipped.
 */
export function buildTraceSentiment(
  traceId: string,
  messages: readonly TraceSentimentMessageInput[],
  options: TraceSentimentOptions = {},
): TraceSentiment {
  const margin = resolveNeutralMargin(options?.neutralMargin, 0);
  const includeText = options?.includeMessageText === true;
  const grouped = new Map<string, ScoredMessages>();
  // The flat mean sums in classification order, whatever generation each message belongs to.
  const all: SentimentScores[] = [];
  if (Array.isArray(messages)) {
    for (const message of messages as unknown[]) {
      const id = generationKey(pyGet(message, "generationId"));
      if (id === undefined) continue;
      const group = grouped.get(id) ?? { byIndex: {}, scores: [] };
      const result = scoreSentimentMessage(group, message, includeText);
      if (result === undefined) continue;
      grouped.set(id, group);
      all.push(result.scores);
    }
  }
  const generations: TraceSentiment["generations"] = {};
  for (const [id, group] of grouped) {
    const scores = meanSentimentScores(group.scores);
    const label = selectSentimentLabel(scores, margin);
    setOwnEntry(generations, id, { label, score: scores[label], scores, messages: group.byIndex });
  }
  const scores = meanSentimentScores(all);
  const label = all.length === 0 ? "neutral" : selectSentimentLabel(scores, margin);
  return {
    trace_id: typeof traceId === "string" ? traceId : String(traceId ?? ""),
    label,
    score: scores[label],
    scores,
    generations,
    generation_count: Object.keys(generations).length,
    message_count: all.length,
  };
}
