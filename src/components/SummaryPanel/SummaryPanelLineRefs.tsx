import { createContext, useContext, type ReactNode } from "react";
import { formatLineRefLabel, splitByLineRefs, type LineRefRange } from "../../core/lineRefs";
import { cn } from "../ui/cn";

/** What line-reference buttons deep inside the summary's markdown need. */
export interface SummaryLineRefContextValue {
  onLineRef: ((ranges: LineRefRange[]) => void) | undefined;
  /** Label of the reference last clicked, to mark it. */
  activeLabel: string | null;
}

export const SummaryLineRefContext = createContext<SummaryLineRefContextValue>({ onLineRef: undefined, activeLabel: null });

function describeRanges(ranges: readonly LineRefRange[]): string {
  const lines = ranges.reduce((count, r) => count + (r.end - r.start + 1), 0);
  return lines === 1 ? "show this line in the text" : "show these lines in the text";
}

export interface SummaryLineRefButtonProps {
  ranges: LineRefRange[];
  /** The visible text; the canonical `[L45]` form when not given. */
  children?: ReactNode;
}

/** One line reference as a real button; plain bold text when nothing listens for clicks. */
export function SummaryLineRefButton({ ranges, children }: SummaryLineRefButtonProps) {
  const { onLineRef, activeLabel } = useContext(SummaryLineRefContext);
  const label = formatLineRefLabel(ranges);
  const content = children ?? label;
  if (!onLineRef) return <strong data-slot="summary-line-ref-text">{content}</strong>;
  const active = activeLabel === label;
  return (
    <button
      type="button"
      data-slot="summary-line-ref"
      data-line-ref={label}
      data-active={active ? "" : undefined}
      onClick={() => onLineRef(ranges)}
      className={cn(
        "tl:inline tl:cursor-pointer tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:font-code tl:text-[0.9em] tl:font-semibold tl:text-accent tl:underline",
        "tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
        active && "tl:bg-(color:--tl-highlight-bg) tl:text-fg",
      )}
    >
      {content}
      <span className="tl:sr-only">, {describeRanges(ranges)}</span>
    </button>
  );
}

/** Plain text with every line reference in it (`L45`, `[L45-52]`, `[L10, L12-14]`) made a button. */
export function SummaryLineRefText({ text }: { text: string }) {
  const segments = splitByLineRefs(text);
  return (
    <>
      {segments.map((segment, i) =>
        segment.kind === "text" ? (
          segment.text
        ) : (
          <SummaryLineRefButton key={i} ranges={segment.ref.ranges}>
            {segment.text}
          </SummaryLineRefButton>
        ),
      )}
    </>
  );
}

/** For SafeMarkdown's `renderText`. */
export const renderLineRefText = (text: string): ReactNode => <SummaryLineRefText text={text} />;
