import { useId, useState } from "react";
import type { EvaluationSummaryFilter, EvaluationSummaryResponseBody } from "../../core/eventsApi";
import { formatCount } from "../../core/intlFormatters";
import { DisclosureChevron } from "../ui/DisclosureChevron";
import { SafeMarkdown } from "../ui/SafeMarkdown";
import { useDrawnCount } from "../ui/useDrawnCount";
import { EvaluationSummaryPanelPattern, type EvaluationSummaryPanelPatternProps } from "./EvaluationSummaryPanelPattern";
import { PATTERN_KINDS, patternSections, statisticsLine, type PatternSection } from "./evaluationSummaryPanelModel";

type PatternLinks = Pick<EvaluationSummaryPanelPatternProps, "onOpenGeneration" | "reasoningByGenerationId" | "knownGenerationIds">;

export interface EvaluationSummaryPanelResultProps extends PatternLinks {
  summary: EvaluationSummaryResponseBody;
  filter: EvaluationSummaryFilter;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  locale?: string;
}

const heading = "tl:m-0 tl:text-xs tl:font-semibold tl:uppercase tl:tracking-wide tl:text-muted";
/** Patterns drawn per section before "Show more": a summary with hundreds of them stays quick to open. */
export const PATTERNS_SHOWN = 25;
/**
 * Of the first page, patterns drawn in the first render, and per painted frame after it until the page
 * is: three full sections of cards with their example generations would otherwise be one long task.
 * A page asked for with "Show more" is drawn at once (one section's page), so the button keeps its focus.
 */
export const PATTERNS_PER_DRAW = 6;

function Section({ section, links }: { section: PatternSection; links: PatternLinks }) {
  const id = useId();
  const kind = PATTERN_KINDS[section.kind];
  const [shown, setShown] = useState(PATTERNS_SHOWN);
  const firstPage = Math.min(PATTERNS_SHOWN, section.patterns.length);
  const firstDrawn = useDrawnCount(firstPage, PATTERNS_PER_DRAW);
  const drawing = firstDrawn < firstPage;
  const drawn = drawing ? firstDrawn : Math.min(shown, section.patterns.length);
  const hidden = section.patterns.length - Math.min(shown, section.patterns.length);
  // A group, not a <section>: several panels on one page would repeat these region names.
  return (
    <div
      role="group"
      aria-labelledby={id}
      aria-busy={drawing || undefined}
      data-slot="evaluation-pattern-section"
      data-kind={section.kind}
      className="tl:flex tl:min-w-0 tl:flex-col tl:gap-2"
    >
      <h4 id={id} className={heading}>
        <span aria-hidden="true">{kind.glyph} </span>
        {kind.heading}
      </h4>
      {section.patterns.length === 0 ? (
        <p className="tl:m-0 tl:text-sm tl:italic tl:text-muted">No {kind.adjective} patterns identified</p>
      ) : (
        (drawn < section.patterns.length ? section.patterns.slice(0, drawn) : section.patterns).map((pattern, i) => (
          <EvaluationSummaryPanelPattern key={i} kind={section.kind} pattern={pattern} skipOffscreen={i >= PATTERNS_PER_DRAW} {...links} />
        ))
      )}
      {drawing && (
        // In place of "Show more" until the first page is all drawn: a partial list never reads as complete.
        <p data-slot="evaluation-patterns-drawing" className="tl:m-0 tl:text-xs tl:italic tl:text-muted">
          {`Drawing ${formatCount(firstPage - drawn)} more ${kind.adjective} ${firstPage - drawn === 1 ? "pattern" : "patterns"}…`}
        </p>
      )}
      {!drawing && hidden > 0 && (
        <button
          type="button"
          data-slot="evaluation-patterns-more"
          onClick={() => setShown(shown + PATTERNS_SHOWN)}
          className="tl:cursor-pointer tl:self-start tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-xs tl:text-accent tl:underline tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          {`Show ${Math.min(hidden, PATTERNS_SHOWN)} more ${kind.adjective} patterns (${formatCount(hidden)} not shown)`}
        </button>
      )}
    </div>
  );
}

/** A loaded summary: collapsible "AI Summary · N runs analyzed", assessment, statistics, patterns, recommendations. */
export function EvaluationSummaryPanelResult({ summary, filter, expanded, onExpandedChange, locale, ...links }: EvaluationSummaryPanelResultProps) {
  const contentId = useId();
  const sections = patternSections(summary, filter);
  const total = summary.statistics?.total_analyzed;
  const recommendations = Array.isArray(summary.recommendations) ? summary.recommendations.filter((r) => typeof r === "string" && r.trim()) : [];
  return (
    <div data-slot="evaluation-summary" className="tl:rounded-tl tl:border tl:border-solid tl:border-border tl:bg-bg">
      <h3 className="tl:m-0 tl:text-sm">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={contentId}
          onClick={() => onExpandedChange(!expanded)}
          className="tl:flex tl:w-full tl:cursor-pointer tl:items-center tl:gap-2 tl:border-0 tl:bg-transparent tl:px-3 tl:py-2 tl:text-left tl:text-sm tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          <DisclosureChevron open={expanded} />
          <span className="tl:font-semibold">AI Summary</span>{" "}
          {typeof total === "number" && (
            <span className="tl:text-muted">
              · {total.toLocaleString(locale)} {total === 1 ? "run" : "runs"} analyzed
            </span>
          )}
        </button>
      </h3>
      <div id={contentId} hidden={!expanded} className="tl:flex tl:flex-col tl:gap-3 tl:px-3 tl:pb-3">
        <div data-slot="evaluation-assessment">
          <SafeMarkdown text={String(summary.overall_assessment ?? "")} className="tl:text-fg" />
        </div>
        <p data-slot="evaluation-statistics" className="tl:m-0 tl:text-xs tl:text-muted">
          {statisticsLine(summary.statistics, filter, locale)}
        </p>
        {sections.length === 0 ? (
          <p className="tl:m-0 tl:text-sm tl:italic tl:text-muted">No patterns identified</p>
        ) : (
          <div className="tl:grid tl:grid-cols-[repeat(auto-fit,minmax(16rem,1fr))] tl:gap-3">
            {sections.map((section) => (
              <Section key={section.kind} section={section} links={links} />
            ))}
          </div>
        )}
        {recommendations.length > 0 && (
          <div role="group" aria-label="Recommendations" data-slot="evaluation-recommendations" className="tl:flex tl:flex-col tl:gap-1">
            <h4 className={heading}>Recommendations</h4>
            <ul className="tl:m-0 tl:flex tl:flex-col tl:gap-1 tl:pl-5">
              {recommendations.map((text, i) => (
                <li key={i} className="tl:list-disc">
                  <SafeMarkdown text={text} className="tl:text-fg tl:[&_p]:my-0" />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
