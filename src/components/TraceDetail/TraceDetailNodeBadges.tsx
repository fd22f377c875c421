import type { EvaluationBadge, EvaluationVerdict } from "../../core/traceEvaluations";
import { cn } from "../ui/cn";
import { loopBadge, type TraceDetailInsight } from "./traceDetailInsight";

const VERDICT: Record<EvaluationVerdict, { symbol: string; word: string; tone: string }> = {
  pass: { symbol: "✓", word: "pass", tone: "tl:border-border tl:text-fg" },
  fail: { symbol: "✗", word: "fail", tone: "tl:border-danger tl:text-danger" },
  "n/a": { symbol: "–", word: "not applicable", tone: "tl:border-border tl:text-muted" },
  unknown: { symbol: "?", word: "no result", tone: "tl:border-border tl:text-muted" },
};

const BADGE = "tl:shrink-0 tl:rounded-sm tl:border tl:px-1 tl:text-[10px] tl:leading-4 tl:whitespace-nowrap";

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** "Evaluation Helpfulness: fail (latest of 3 runs: 2 pass, 1 fail). Reasoning…"; without the reasoning when `short`. */
export function evaluationBadgeLabel(badge: EvaluationBadge, short = false): string {
  const verdict = VERDICT[badge.latest.verdict].word;
  const runs = badge.runCount > 1 ? ` (latest of ${badge.runCount} runs: ${(Object.entries(badge.counts) as Array<[EvaluationVerdict, number]>).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${VERDICT[v].word}`).join(", ")})` : "";
  const reasoning = badge.latest.reasoning && !short ? `. ${clip(badge.latest.reasoning, 300)}` : "";
  return `Evaluation ${badge.name}: ${verdict}${runs}${reasoning}`;
}

export interface TraceDetailNodeBadgesProps {
  nodeKey: string;
  insight: TraceDetailInsight;
  /** Loop badges only (timeline-sized places). */
  loopsOnly?: boolean;
}

/**
 * Loop, evaluation, feedback and metric badges of one tree row. Not focusable (a treeitem has no
 * focusable descendants): each says itself to screen readers and shows its sentence on hover.
 */
export function TraceDetailNodeBadges({ nodeKey, insight, loopsOnly = false }: TraceDetailNodeBadgesProps) {
  const loops = insight.loopsByNodeKey.get(nodeKey) ?? [];
  const badges = loopsOnly ? [] : (insight.badgesByNodeKey.get(nodeKey) ?? []);
  const notes = loopsOnly ? undefined : insight.feedback.byNodeKey.get(nodeKey);
  if (loops.length === 0 && badges.length === 0 && !notes) return null;
  return (
    <span data-slot="node-badges" className="tl:flex tl:min-w-0 tl:shrink-0 tl:items-center tl:gap-1">
      {loops.map((loop, i) => {
        const { text, label } = loopBadge(loop);
        return (
          <span key={`l${i}`} data-slot="loop-badge" data-pattern={loop.pattern} title={label} className={cn(BADGE, "tl:border-(color:--tl-critical-path) tl:text-(color:--tl-critical-path)")}>
            <span aria-hidden="true">{text}</span>
            <span className="tl:sr-only">{label}</span>
          </span>
        );
      })}
      {badges.map((badge) => {
        const verdict = VERDICT[badge.latest.verdict];
        const label = evaluationBadgeLabel(badge);
        return (
          // The reasoning goes only in the tooltip: it would make the row's accessible name a paragraph.
          <span key={badge.evaluatorKey} data-slot="evaluation-badge" data-verdict={badge.latest.verdict} title={label} className={cn(BADGE, verdict.tone)}>
            <span aria-hidden="true">
              {verdict.symbol} {clip(badge.name, 18)}
              {badge.runCount > 1 ? ` ×${badge.runCount}` : ""}
            </span>
            <span className="tl:sr-only">{evaluationBadgeLabel(badge, true)}</span>
          </span>
        );
      })}
      {notes?.feedback.map((item, i) => {
        const label = `Feedback: ${item.text ?? "(no text)"}`;
        return (
          <span key={`f${i}`} data-slot="feedback-badge" title={clip(label, 300)} className={cn(BADGE, item.rating === -1 ? "tl:border-danger tl:text-danger" : "tl:border-border tl:text-muted")}>
            <span aria-hidden="true">{item.rating === 1 ? "👍" : item.rating === -1 ? "👎" : `“${clip(item.text ?? "…", 14)}”`}</span>
            <span className="tl:sr-only">{clip(label, 300)}</span>
          </span>
        );
      })}
      {notes?.metrics.map((item, i) => {
        const label = `Metric ${item.name}: ${item.text}`;
        return (
          <span key={`m${i}`} data-slot="metric-badge" title={label} className={cn(BADGE, "tl:border-border tl:text-muted")}>
            <span aria-hidden="true">
              {clip(item.name, 14)}: {clip(item.text, 10)}
            </span>
            <span className="tl:sr-only">{label}</span>
          </span>
        );
      })}
    </span>
  );
}
