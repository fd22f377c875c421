import { useState } from "react";
import { formatLatency } from "../../core/format";
import type { EvaluationVerdict, TraceEvaluation, TraceEvaluations } from "../../core/traceEvaluations";
import type { TraceTree } from "../../core/traceTypes";
import { LINK_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { KIND_LABEL, nodeTitle } from "./traceDetailModel";

const VERDICT: Record<EvaluationVerdict, { text: string; tone: string }> = {
  pass: { text: "✓ Pass", tone: "tl:border-border tl:text-fg" },
  fail: { text: "✗ Fail", tone: "tl:border-danger tl:text-danger" },
  "n/a": { text: "– N/A", tone: "tl:border-border tl:text-muted" },
  unknown: { text: "? No result", tone: "tl:border-border tl:text-muted" },
};

/** Reasoning longer than this starts folded. */
const REASONING_FOLD = 600;

function Reasoning({ text }: { text: string }) {
  const [open, setOpen] = useState(text.length <= REASONING_FOLD);
  return (
    <div className="tl:flex tl:flex-col tl:items-start tl:gap-0.5">
      <p className="tl:m-0 tl:whitespace-pre-wrap tl:break-words tl:text-sm" dir="auto">
        {open ? text : `${text.slice(0, REASONING_FOLD)}…`}
      </p>
      {!open && (
        <button type="button" className={LINK_BUTTON} onClick={() => setOpen(true)}>
          Show all {text.length.toLocaleString("en-US")} characters of the reasoning
        </button>
      )}
    </div>
  );
}

function EvaluationItem({ evaluation, tree, locale, selectEvent }: { evaluation: TraceEvaluation; tree: TraceTree; locale?: string; selectEvent: (id: string) => void }) {
  const verdict = VERDICT[evaluation.verdict];
  const target = tree.nodesByKey.get(evaluation.targetKey);
  const facts = [
    evaluation.runtimeLabel ?? evaluation.runtime,
    evaluation.model && evaluation.runtimeLabel !== `llm_judge/${evaluation.model}` ? evaluation.model : null,
    evaluation.durationMs !== null ? `ran ${formatLatency(evaluation.durationMs / 1000, { locale })}` : null,
  ].filter(Boolean);
  return (
    <li data-slot="evaluation-item" data-verdict={evaluation.verdict} className="tl:flex tl:flex-col tl:gap-1 tl:border-b tl:border-border tl:py-2">
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
        <span className={cn("tl:rounded-sm tl:border tl:px-1 tl:text-xs tl:font-semibold", verdict.tone)}>{verdict.text}</span>
        <strong className="tl:min-w-0 tl:truncate tl:text-sm" dir="auto" title={evaluation.name}>
          {evaluation.name}
        </strong>
        {facts.length > 0 && <span className="tl:font-code tl:text-xs tl:text-muted">{facts.join(" · ")}</span>}
      </div>
      {target && (
        <div className="tl:text-xs tl:text-muted">
          Judged{" "}
          <button type="button" className={LINK_BUTTON} onClick={() => selectEvent(evaluation.event.nodeKey)}>
            this evaluation event
          </button>
          {" on "}
          <button type="button" className={LINK_BUTTON} onClick={() => selectEvent(target.key)}>
            {KIND_LABEL[target.kind]} {nodeTitle(target)}
          </button>
          {!evaluation.targetFound && evaluation.targetEventId && <span> (its target {evaluation.targetEventId} is not in this trace)</span>}
        </div>
      )}
      {evaluation.reasoning ? <Reasoning text={evaluation.reasoning} /> : <p className="tl:m-0 tl:text-xs tl:italic tl:text-muted">No reasoning given.</p>}
    </li>
  );
}

export interface TraceDetailEvaluationsProps {
  evaluations: TraceEvaluations;
  tree: TraceTree;
  /** Selects an event (or node key) in the tree. */
  selectEvent: (id: string) => void;
  locale?: string;
}

/** The Evaluations tab: every `$ai_evaluation` run of the trace with its verdict, reasoning, model and runtime, and the event it judged. */
export function TraceDetailEvaluations({ evaluations, tree, selectEvent, locale }: TraceDetailEvaluationsProps) {
  const { counts } = evaluations;
  const list = evaluations.evaluations;
  if (list.length === 0) return <p className="tl:m-0 tl:text-sm tl:text-muted">No evaluations ran on this trace.</p>;
  const summary = (Object.keys(VERDICT) as EvaluationVerdict[])
    .filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${counts[verdict]} ${VERDICT[verdict].text.slice(2).toLowerCase()}`)
    .join(", ");
  return (
    <section data-slot="trace-evaluations" aria-label="Evaluations" className="tl:flex tl:flex-col tl:gap-1">
      <p className="tl:m-0 tl:text-xs tl:text-muted">
        {list.length} {list.length === 1 ? "evaluation" : "evaluations"}: {summary}
      </p>
      <ul className="tl:m-0 tl:list-none tl:p-0">
        {list.map((evaluation, i) => (
          <EvaluationItem key={evaluation.event.nodeKey || i} evaluation={evaluation} tree={tree} locale={locale} selectEvent={selectEvent} />
        ))}
      </ul>
    </section>
  );
}
