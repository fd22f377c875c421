import { isPropertyBag, readBoolean, readString } from "../../core/eventsAccess";
import type { LLMTraceEvent } from "../../core/eventsTrace";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { safeStringify } from "../ui/jsonViewModel";
import { TraceDetailChip } from "./TraceDetailChip";

const props = (event: LLMTraceEvent) => (isPropertyBag(event.properties) ? event.properties : {});

function metricValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return safeStringify(value, 0);
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function evaluationVerdict(event: LLMTraceEvent): { symbol: string; word: string; tone: "default" | "danger" | "muted" } {
  const p = props(event);
  if (readBoolean(p.$ai_evaluation_applicable) === false) return { symbol: "–", word: "not applicable", tone: "muted" };
  const result = readBoolean(p.$ai_evaluation_result);
  if (result === true) return { symbol: "✓", word: "pass", tone: "default" };
  if (result === false) return { symbol: "✗", word: "fail", tone: "danger" };
  return { symbol: "?", word: "no result", tone: "muted" };
}

export interface TraceDetailAnnotationChipsProps {
  node: TraceTreeNode;
  tree: TraceTree;
  /** Also list the annotations of every node below (the trace header shows the whole trace's). */
  includeDescendants?: boolean;
  /** Show evaluation verdicts. @default true unless includeDescendants */
  evaluations?: boolean;
}

/** Metric (`$ai_metric`), feedback (`$ai_feedback`) and evaluation tags of a node. */
export function TraceDetailAnnotationChips({ node, tree, includeDescendants = false, evaluations = !includeDescendants }: TraceDetailAnnotationChipsProps) {
  const nodes = includeDescendants ? [...tree.nodesByKey.values()] : [node];
  const metrics = nodes.flatMap((n) => n.annotations.metrics);
  const feedback = nodes.flatMap((n) => n.annotations.feedback);
  const evals = evaluations ? node.annotations.evaluations : [];
  return (
    <>
      {metrics.map((event, i) => {
        const p = props(event);
        const name = readString(p.$ai_metric_name) || "metric";
        const value = metricValue(p.$ai_metric_value);
        return (
          <TraceDetailChip key={`m${i}`} label="Metric" data-slot="chip-metric" detail={value.length > 60 ? value : undefined}>
            <span className="tl:text-muted">{clip(name, 30)}:</span> {clip(value)}
          </TraceDetailChip>
        );
      })}
      {feedback.map((event, i) => {
        const text = readString(props(event).$ai_feedback_text) || "(no text)";
        return (
          <TraceDetailChip key={`f${i}`} label="Feedback" showLabel data-slot="chip-feedback" detail={text.length > 60 ? text : undefined}>
            {clip(text)}
          </TraceDetailChip>
        );
      })}
      {evals.map((event, i) => {
        const p = props(event);
        const verdict = evaluationVerdict(event);
        const reasoning = readString(p.$ai_evaluation_reasoning);
        return (
          <TraceDetailChip key={`e${i}`} label={`Evaluation, ${verdict.word}:`} tone={verdict.tone} data-slot="chip-evaluation" detail={reasoning || undefined}>
            <span aria-hidden="true">{verdict.symbol}</span> {clip(readString(p.$ai_evaluation_name) || "evaluation", 40)}
          </TraceDetailChip>
        );
      })}
    </>
  );
}
