"use client";
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { SummarizationMode, SummarizationSummary } from "../../core/eventsApi";
import type { LineRefRange } from "../../core/lineRefs";
import type { TextReprEventLike } from "../../core/textRepr";
import { TextReprView } from "../TextReprView";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { ErrorBoundary, ErrorState } from "../ui/ErrorState";
import { MediaPolicyScope, type MediaPolicyProps } from "../ui/mediaPolicyContext";
import { Skeleton } from "../ui/Skeleton";
import { useControllableState } from "../ui/useControllableState";
import { SummaryPanelContent } from "./SummaryPanelContent";
import { SummaryLineRefContext } from "./SummaryPanelLineRefs";
import { SummaryModeSwitch, SummaryPanelToolbar, type SummaryFeedback } from "./SummaryPanelToolbar";
import type { SummaryLineRefTarget, SummaryPanelStatus, SummarySubject } from "./summaryPanelModel";
import { useSummaryLineRefs } from "./useSummaryLineRefs";

export interface SummaryPanelViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children">, MediaPolicyProps {
  /** Where the summary stands. */
  status: SummaryPanelStatus;
  /** PostHog's summary object (model output: every text in it is drawn as text, never HTML). */
  summary?: SummarizationSummary | null;
  /** The line-numbered text the summary's line references point into (the response's `text_repr`). */
  textRepr?: string | null;
  /** The last failure, shown with its message. */
  error?: unknown;
  /** What is summarized, for the wording. @default "trace" */
  subject?: SummarySubject;
  /** Minimal or detailed (controlled). */
  mode?: SummarizationMode;
  /** @default "minimal" */
  defaultMode?: SummarizationMode;
  onModeChange?: (mode: SummarizationMode) => void;
  /** Loads the cached summary or makes one. Without it there is no Generate button. */
  onGenerate?: () => void;
  /** Makes a new summary, bypassing the cache. */
  onRegenerate?: () => void;
  /** "Try again" in the error state. @default onGenerate */
  onRetry?: () => void;
  /** Shows `textRepr` below the summary, where line references scroll to. @default true in detailed mode */
  showTextRepr?: boolean;
  /** Height limit of that text. @default 480 */
  textReprMaxHeight?: number;
  /** Events the text draws (a trace's `events`), so a line reference can tell its event. */
  events?: Iterable<TextReprEventLike>;
  /** For an event's summary: the event every line belongs to. */
  eventId?: string | null;
  /** Lines marked in the text (controlled); a line-reference click sets them. */
  highlightLines?: LineRefRange[] | null;
  onHighlightLinesChange?: (ranges: LineRefRange[] | null) => void;
  /** Called for every line-reference click: the lines, and their event when known. */
  onLineRefClick?: (target: SummaryLineRefTarget) => void;
  /** Called with the event a clicked line reference points into. */
  onSelectEvent?: (eventId: string) => void;
  /** Shows "Helpful?" with thumbs up and down. */
  onFeedback?: (feedback: SummaryFeedback, summary: SummarizationSummary) => void;
  /** A note above the summary (e.g. that saved summaries cannot be looked up with these credentials). */
  notice?: ReactNode;
}

function Pending({ label }: { label: string }) {
  return (
    <div role="status" data-slot="summary-pending" className="tl:flex tl:items-center tl:gap-2 tl:py-4 tl:text-sm tl:text-muted">
      <span aria-hidden="true" className="tl:inline-block tl:h-4 tl:w-4 tl:animate-spin tl:rounded-full tl:border-2 tl:border-border tl:border-t-accent" />
      {label}
    </div>
  );
}

/**
 * An AI summary from plain data: title, flow diagram, summary points and interesting notes, with
 * every line reference a button that marks those lines in the text below and reports their event.
 * It never fetches; see `SummaryPanel` for the version that loads through the provider.
 */
export const SummaryPanelView = forwardRef(function SummaryPanelView({ mediaPolicy, ...props }: SummaryPanelViewProps, ref: Ref<HTMLDivElement>) {
  // Model output is untrusted: a summary this view cannot draw fails here, not in the host's page.
  return (
    <MediaPolicyScope policy={mediaPolicy}>
      <ErrorBoundary title="The summary could not be shown" resetKey={props.summary}>
        <SummaryPanelViewInner {...props} forwardedRef={ref} />
      </ErrorBoundary>
    </MediaPolicyScope>
  );
});
SummaryPanelView.displayName = "SummaryPanelView";

function SummaryPanelViewInner({ forwardedRef: ref, ...props }: SummaryPanelViewProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const {
    status, summary, textRepr, error, subject = "trace", mode: modeProp, defaultMode = "minimal", onModeChange, onGenerate, onRegenerate, onRetry,
    showTextRepr, textReprMaxHeight = 480, events, eventId, highlightLines, onHighlightLinesChange, onLineRefClick, onSelectEvent, onFeedback,
    notice, className, ...rest
  } = props;
  const [mode, setMode] = useControllableState<SummarizationMode>(modeProp, defaultMode, onModeChange);
  const busy = status === "loading" || status === "checking";
  const withText = (showTextRepr ?? mode === "detailed") && Boolean(textRepr) && Boolean(summary);
  // References stay plain text when nothing would happen on a click.
  const clickable = withText || Boolean(onLineRefClick || onSelectEvent || onHighlightLinesChange);
  const { highlight, context: lineRefs } = useSummaryLineRefs({
    textRepr, events, eventId, highlightLines, onHighlightLinesChange, onLineRefClick, onSelectEvent, clickable,
  });
  const frame = cn("tl-root tl:flex tl:min-w-0 tl:flex-col tl:gap-3 tl:font-body tl:text-fg", className);

  return (
    <div {...rest} ref={ref} role="group" aria-label={`Summary of the ${subject}`} data-slot="summary-panel" data-state={status} className={frame}>
      {notice && (
        <p role="note" data-slot="summary-notice" className="tl:m-0 tl:text-xs tl:text-muted">
          {notice}
        </p>
      )}
      {status === "unsupported" ? (
        <p className="tl:m-0 tl:text-sm tl:text-muted">Summary is only available for traces, generations, and spans.</p>
      ) : summary ? (
        <SummaryPanelToolbar
          mode={mode}
          onModeChange={setMode}
          summary={summary}
          busy={busy}
          onRegenerate={onRegenerate}
          onFeedback={onFeedback ? (feedback) => onFeedback(feedback, summary) : undefined}
        />
      ) : (
        status !== "checking" && (
          <div data-slot="summary-start" className="tl:flex tl:flex-col tl:items-start tl:gap-2">
            <p className="tl:m-0 tl:text-sm">Generate an AI-powered summary of this {subject}.</p>
            <SummaryModeSwitch mode={mode} onModeChange={setMode} disabled={busy} />
            {onGenerate && status !== "loading" && (
              <button type="button" onClick={onGenerate} className={cn(SMALL_BUTTON, "tl:border-accent tl:px-2.5 tl:py-1 tl:text-sm")}>
                Generate summary
              </button>
            )}
          </div>
        )
      )}
      {status === "checking" && <Skeleton lines={3} label="Looking for a saved summary" />}
      {status === "loading" && <Pending label={summary ? "Regenerating summary…" : "Generating summary…"} />}
      {status === "error" && <ErrorState title="Failed to generate summary" error={error} onRetry={onRetry ?? onGenerate} />}
      {summary && (
        <SummaryLineRefContext.Provider value={lineRefs}>
          {/* Not dimmed while regenerating: faded text would fail contrast; the status line says it. */}
          <div aria-busy={status === "loading" || undefined}>
            <SummaryPanelContent summary={summary} />
          </div>
        </SummaryLineRefContext.Provider>
      )}
      {withText && (
        <TextReprView
          text={textRepr}
          highlightLines={highlight}
          maxHeight={textReprMaxHeight}
          label="Text the summary refers to"
        />
      )}
    </div>
  );
}
