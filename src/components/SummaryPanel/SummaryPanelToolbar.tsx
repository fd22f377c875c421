import { useEffect, useRef, useState } from "react";
import type { SummarizationMode, SummarizationSummary } from "../../core/eventsApi";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { CopyButton } from "../ui/CopyButton";
import { summaryToMarkdown } from "./summaryPanelModel";

/** A reader's verdict on a summary. */
export type SummaryFeedback = "up" | "down";

const MODES: ReadonlyArray<{ mode: SummarizationMode; label: string; hint: string }> = [
  { mode: "minimal", label: "Minimal", hint: "3 to 5 key points" },
  { mode: "detailed", label: "Detailed", hint: "5 to 10 points, with notes" },
];

/** Minimal / Detailed as two pressed-state buttons. */
export function SummaryModeSwitch({ mode, onModeChange, disabled }: { mode: SummarizationMode; onModeChange?: (mode: SummarizationMode) => void; disabled?: boolean }) {
  return (
    <div role="group" aria-label="Summary detail" data-slot="summary-mode" className="tl:inline-flex tl:gap-1">
      {MODES.map((option) => {
        const pressed = option.mode === mode;
        return (
          <button
            key={option.mode}
            type="button"
            aria-pressed={pressed}
            disabled={disabled || !onModeChange}
            onClick={() => !pressed && onModeChange?.(option.mode)}
            className={cn(
              "tl:cursor-pointer tl:rounded-tl tl:border tl:border-solid tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-fg",
              "tl:focus-visible:outline-2 tl:focus-visible:outline-focus tl:disabled:cursor-not-allowed tl:disabled:opacity-60",
              pressed ? "tl:border-accent tl:bg-(color:--tl-selected-bg) tl:font-semibold" : "tl:border-border tl:bg-bg tl:hover:bg-bg-subtle",
            )}
          >
            {option.label}
            <span className="tl:sr-only">: {option.hint}</span>
          </button>
        );
      })}
    </div>
  );
}

/** "Helpful?" with thumbs up and down; says thanks once answered, and asks again for a new summary. */
export function SummaryFeedbackControl({ summary, onFeedback }: { summary: SummarizationSummary; onFeedback: (feedback: SummaryFeedback) => void }) {
  const [answered, setAnswered] = useState<{ summary: SummarizationSummary; feedback: SummaryFeedback } | null>(null);
  const given = answered?.summary === summary ? answered.feedback : null;
  const thanks = useRef<HTMLSpanElement>(null);
  const justAnswered = useRef(false);
  // The pressed button is replaced by the thanks: focus moves there rather than falling to the page.
  useEffect(() => {
    if (given && justAnswered.current) thanks.current?.focus();
    justAnswered.current = false;
  }, [given]);
  if (given) {
    return (
      <span
        ref={thanks}
        tabIndex={-1}
        role="status"
        data-slot="summary-feedback"
        data-state={given}
        className="tl:text-xs tl:text-muted tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
      >
        Thanks for the feedback!
      </span>
    );
  }
  const answer = (feedback: SummaryFeedback) => {
    justAnswered.current = true;
    setAnswered({ summary, feedback });
    onFeedback(feedback);
  };
  return (
    <span role="group" aria-label="Was this summary helpful?" data-slot="summary-feedback" className="tl:inline-flex tl:items-center tl:gap-1 tl:text-xs tl:text-muted">
      <span aria-hidden="true">Helpful?</span>
      <button type="button" aria-label="Helpful" className={SMALL_BUTTON} onClick={() => answer("up")}>
        <span aria-hidden="true">👍</span>
      </button>
      <button type="button" aria-label="Not helpful" className={SMALL_BUTTON} onClick={() => answer("down")}>
        <span aria-hidden="true">👎</span>
      </button>
    </span>
  );
}

export interface SummaryPanelToolbarProps {
  mode: SummarizationMode;
  onModeChange?: (mode: SummarizationMode) => void;
  /** The summary shown, for Copy and feedback. */
  summary?: SummarizationSummary | null;
  /** A request is running: buttons that would start another are disabled. */
  busy: boolean;
  onRegenerate?: () => void;
  onFeedback?: (feedback: SummaryFeedback) => void;
}

/** Mode switch, Regenerate, Copy as markdown and feedback. */
export function SummaryPanelToolbar({ mode, onModeChange, summary, busy, onRegenerate, onFeedback }: SummaryPanelToolbarProps) {
  return (
    <div data-slot="summary-toolbar" className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
      <SummaryModeSwitch mode={mode} onModeChange={onModeChange} disabled={busy} />
      {summary && onRegenerate && (
        <button type="button" className={SMALL_BUTTON} disabled={busy} onClick={onRegenerate}>
          Regenerate
        </button>
      )}
      {summary && <CopyButton value={() => summaryToMarkdown(summary)} label="Copy as markdown" description="summary" />}
      {summary && onFeedback && <SummaryFeedbackControl summary={summary} onFeedback={onFeedback} />}
    </div>
  );
}
