import type { KeyboardEvent } from "react";
import type { SentimentLabel } from "../../core/sentiment/types";
import { cn } from "../ui/cn";

export const SEGMENT_FILL: Record<SentimentLabel, string> = {
  positive: "tl:fill-positive",
  neutral: "tl:fill-neutral",
  negative: "tl:fill-negative",
};

export const LABEL_TEXT: Record<SentimentLabel, string> = { positive: "positive", neutral: "neutral", negative: "negative" };

interface SegmentProps {
  /** Identifies the segment for keyboard navigation within its chart. */
  id: string;
  /** Whether this segment is the chart's tab stop. */
  tabbable: boolean;
  label: SentimentLabel;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Read by screen readers and shown as the native SVG tooltip. */
  description: string;
  onSelect?: () => void;
}

/**
 * One coloured piece of a chart. With `onSelect` it is a focusable button (Enter or Space selects it);
 * without, it is decoration and the chart's own label and the table carry the numbers.
 */
export function SentimentOverviewSegment({ id, tabbable, label, x, y, width, height, description, onSelect }: SegmentProps) {
  if (width <= 0 || height <= 0) return null;
  const interactive = Boolean(onSelect);
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect?.();
    }
  };
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      data-slot="sentiment-overview-segment"
      data-segment-id={interactive ? id : undefined}
      data-label={label}
      role={interactive ? "button" : undefined}
      tabIndex={interactive ? (tabbable ? 0 : -1) : undefined}
      aria-label={interactive ? description : undefined}
      onClick={onSelect}
      onKeyDown={interactive ? onKeyDown : undefined}
      className={cn(
        SEGMENT_FILL[label],
        interactive && "tl:cursor-pointer tl:outline-none tl:hover:opacity-80 tl:focus-visible:stroke-focus tl:focus-visible:[stroke-width:3px]",
      )}
    >
      <title>{description}</title>
    </rect>
  );
}

export function percentOf(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "0%";
}

/** "+0.42" / "−0.31": the net score with a real minus sign. */
export function formatNet(net: number): string {
  const rounded = Math.round(net * 100) / 100;
  if (rounded === 0) return "0.00";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(2)}`;
}
