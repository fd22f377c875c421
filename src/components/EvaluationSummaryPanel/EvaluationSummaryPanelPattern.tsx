import { useId, useState, type CSSProperties } from "react";
import type { EvaluationSummaryPattern } from "../../core/eventsApi";
import { formatCount } from "../../core/intlFormatters";
import { cn } from "../ui/cn";
import { SafeMarkdown } from "../ui/SafeMarkdown";
import { useTooltip } from "../ui/Tooltip";
import { PATTERN_KINDS, type EvaluationPatternKind } from "./evaluationSummaryPanelModel";

const KIND_STYLE: Record<EvaluationPatternKind, { border: string; glyph: string }> = {
  pass: { border: "tl:border-positive", glyph: "tl:text-positive" },
  fail: { border: "tl:border-danger", glyph: "tl:text-danger" },
  na: { border: "tl:border-border", glyph: "tl:text-muted" },
};

/** Reasoning is model text: capped, and shown as plain text in the tooltip. */
const REASONING_MAX_CHARS = 600;
/**
 * Example generations shown at first, and added per "more": model output or host data may list
 * thousands, and every one is a control with its own tooltip.
 */
export const PATTERN_EXAMPLES_SHOWN = 12;
const MORE_STEP = 100;

/**
 * A card out of view skips style, layout and paint (content-visibility), its height guessed until first
 * seen (a 20 px line per 40 characters of description, per 5 example ids); `auto` keeps the real one after.
 */
function offscreenStyle(description: string, examples: number): CSSProperties {
  const lines = 1 + Math.ceil(description.length / 40) + Math.ceil(examples / 5);
  return { contentVisibility: "auto", containIntrinsicBlockSize: `auto ${lines * 20 + 30}px` };
}

interface ExampleProps {
  generationId: string;
  reasoning: string | undefined;
  /** Absent when the id is not among the loaded runs: then it is shown as text, not as a button. */
  onClick: ((generationId: string) => void) | undefined;
}

function PatternExample({ generationId, reasoning, onClick }: ExampleProps) {
  const text = reasoning ? (reasoning.length > REASONING_MAX_CHARS ? `${reasoning.slice(0, REASONING_MAX_CHARS)}…` : reasoning) : "";
  const { open, setTrigger, triggerProps, tooltip, tooltipId } = useTooltip(text, text !== "");
  const short = generationId.slice(0, 8);
  const shared = {
    ...triggerProps,
    "aria-describedby": open ? tooltipId : undefined,
    "data-generation-id": generationId,
    className: "tl:rounded-sm tl:font-code tl:text-xs tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
  };
  return (
    <li className="tl:inline-flex">
      {onClick ? (
        <button
          {...shared}
          ref={setTrigger}
          type="button"
          onClick={() => onClick(generationId)}
          className={cn(shared.className, "tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:text-accent tl:underline")}
        >
          <span aria-hidden="true">{short}</span>
          <span className="tl:sr-only">Open generation {generationId}</span>
        </button>
      ) : (
        // Still focusable when it has reasoning, so keyboard users can read it too.
        <span {...shared} ref={setTrigger} tabIndex={text ? 0 : undefined} className={cn(shared.className, "tl:text-muted")}>
          <span aria-hidden="true">{short}</span>
          <span className="tl:sr-only">Generation {generationId}</span>
        </span>
      )}
      {tooltip}
    </li>
  );
}

export interface EvaluationSummaryPanelPatternProps {
  kind: EvaluationPatternKind;
  pattern: EvaluationSummaryPattern;
  onOpenGeneration?: (generationId: string) => void;
  reasoningByGenerationId?: Readonly<Record<string, string>>;
  /** When given, ids outside it are not clickable (PostHog: "not found in the loaded runs"). */
  knownGenerationIds?: ReadonlySet<string>;
  /**
   * Skip drawing the card while it is out of view: for cards below the first few of a section, which
   * usually are. (The first ones never are, so they keep their exact pixels: containment snaps text.)
   */
  skipOffscreen?: boolean;
}

/** One pattern: title, frequency, description, and the example generations with their reasoning. */
export function EvaluationSummaryPanelPattern({ kind, pattern, onOpenGeneration, reasoningByGenerationId, knownGenerationIds, skipOffscreen = false }: EvaluationSummaryPanelPatternProps) {
  const titleId = useId();
  const style = KIND_STYLE[kind];
  // A blank id would be an empty, invisible button: there is nothing to open, so it is not offered.
  const ids = Array.isArray(pattern.example_generation_ids) ? [...new Set(pattern.example_generation_ids.map(String))].filter((id) => id.trim() !== "") : [];
  const [shown, setShown] = useState(PATTERN_EXAMPLES_SHOWN);
  const hidden = Math.max(0, ids.length - shown);
  return (
    <article
      aria-labelledby={titleId}
      data-slot="evaluation-pattern"
      data-kind={kind}
      style={skipOffscreen ? offscreenStyle(String(pattern.description ?? ""), Math.min(ids.length, shown)) : undefined}
      className={cn("tl:flex tl:flex-col tl:gap-1.5 tl:rounded-tl tl:border tl:border-solid tl:bg-bg tl:p-3", style.border)}
    >
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
        <span aria-hidden="true" className={cn("tl:font-semibold", style.glyph)}>
          {PATTERN_KINDS[kind].glyph}
        </span>
        <strong id={titleId} dir="auto" className="tl:text-sm tl:break-words">
          {String(pattern.title ?? "")}
        </strong>
        {pattern.frequency ? (
          <span data-slot="evaluation-pattern-frequency" className="tl:rounded-full tl:bg-bg-subtle tl:px-2 tl:text-xs tl:text-muted">
            <span className="tl:sr-only">Frequency: </span>
            {String(pattern.frequency)}
          </span>
        ) : null}
      </div>
      <SafeMarkdown text={String(pattern.description ?? "")} className="tl:text-fg" />
      {ids.length > 0 && (
        <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2 tl:text-xs tl:text-muted">
          <span>Generations:</span>
          <ul aria-label={`Example generations for ${String(pattern.title ?? "this pattern")}`} className="tl:m-0 tl:flex tl:list-none tl:flex-wrap tl:gap-2 tl:p-0">
            {(hidden > 0 ? ids.slice(0, shown) : ids).map((id) => (
              <PatternExample
                key={id}
                generationId={id}
                reasoning={reasoningByGenerationId?.[id] ?? pattern.example_reasoning}
                onClick={onOpenGeneration && (!knownGenerationIds || knownGenerationIds.has(id)) ? onOpenGeneration : undefined}
              />
            ))}
          </ul>
          {hidden > 0 && (
            <button
              type="button"
              data-slot="evaluation-pattern-more"
              onClick={() => setShown(shown + MORE_STEP)}
              // The visible words first (a voice user says what they see), then what they are more of.
              aria-label={`+${formatCount(hidden)} more example generations for ${String(pattern.title ?? "this pattern")}`}
              className="tl:cursor-pointer tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-xs tl:text-accent tl:underline tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
            >
              {`+${formatCount(hidden)} more`}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
