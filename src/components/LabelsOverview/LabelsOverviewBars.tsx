"use client";
import { cutText } from "../../core/boundedText";
import type { LabelBucket } from "../../core/labelBreakdown";
import { labelText } from "../LabelChips";
import { cn } from "../ui/cn";

export interface LabelsOverviewBarsProps {
  /** The table's caption ("Traces by emotion"). */
  caption: string;
  buckets: readonly LabelBucket[];
  /** What the shares are of (labelled traces). */
  total: number;
  noun: string;
  /** The bucket labels the host's filter holds, marked as pressed. */
  selected?: readonly string[];
  onSelect?: (label: string) => void;
  /** Extra classes per label (severity tints). */
  tint?: (label: string) => string | undefined;
  bucketText?: (label: string) => string;
  locale?: string;
}

/** Bounded: a hostile host's label names never stretch the layout. */
const MAX_LABEL_CHARS = 40;

/**
 * A bar per bucket, as a table (so screen readers get counts and shares as cells), the bar itself
 * hidden from them. With `onSelect`, each label is a toggle button that hands the bucket back.
 */
export function LabelsOverviewBars({ caption, buckets, total, noun, selected = [], onSelect, tint, bucketText = labelText, locale }: LabelsOverviewBarsProps) {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <table data-slot="labels-overview-bars" className="tl:w-full tl:border-collapse tl:text-xs">
      <caption className="tl:pb-1 tl:text-left tl:text-xs tl:font-semibold tl:text-fg">{caption}</caption>
      <thead className="tl:sr-only">
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Share</th>
          <th scope="col">{noun}</th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket) => {
          const share = total > 0 ? bucket.traces / total : 0;
          const text = cutText(bucketText(bucket.label), MAX_LABEL_CHARS);
          const pressed = selected.includes(bucket.label);
          return (
            <tr key={bucket.label} data-label={bucket.label}>
              <th scope="row" className="tl:w-40 tl:py-0.5 tl:pr-2 tl:text-left tl:font-normal">
                {onSelect ? (
                  <button
                    type="button"
                    aria-pressed={pressed}
                    onClick={() => onSelect(bucket.label)}
                    className={cn(
                      "tl:max-w-full tl:cursor-pointer tl:truncate tl:rounded-sm tl:border-0 tl:bg-transparent tl:p-0 tl:text-left tl:text-fg tl:underline-offset-2 tl:hover:underline tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
                      pressed && "tl:font-semibold tl:underline",
                    )}
                  >
                    {text}
                  </button>
                ) : (
                  <span className="tl:truncate">{text}</span>
                )}
              </th>
              <td className="tl:py-0.5">
                <span aria-hidden="true" className="tl:block tl:h-3 tl:w-full tl:rounded-sm tl:bg-track">
                  <span className={cn("tl:block tl:h-3 tl:rounded-sm tl:bg-fg/60", tint?.(bucket.label))} style={{ width: `${(share * 100).toFixed(2)}%` }} />
                </span>
              </td>
              <td className="tl:w-20 tl:py-0.5 tl:pl-2 tl:text-right tl:tabular-nums">
                {bucket.traces} <span className="tl:text-muted">({percent.format(share)})</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
