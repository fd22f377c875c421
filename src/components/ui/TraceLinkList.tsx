"use client";
import type { LLMTrace } from "../../core/eventsTrace";
import { traceClickDetails, type TraceClickDetails } from "../../core/traceRows";
import { formatLatency } from "../../core/format";
import { cutText } from "../../core/boundedText";
import { ErrorState } from "./ErrorState";
import { RelativeTime, type ExploreFormat } from "./exploreCells";
import { Skeleton } from "./Skeleton";

export interface TraceLinkListProps {
  /** Accessible name of the list ("Traces of session s-1"). */
  label: string;
  status: "loading" | "error" | "ready";
  traces: readonly LLMTrace[];
  error?: unknown;
  onRetry?: () => void;
  /** A click (or Enter) on a listed trace, with the payload every trace click has. */
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  format: ExploreFormat;
  /** How many traces there are in all, when known; the difference is said, never dropped silently. */
  total?: number;
  /** @default "No traces were found." */
  emptyText?: string;
}

const TRACE_BUTTON =
  "tl:flex tl:w-full tl:cursor-pointer tl:items-center tl:gap-3 tl:rounded-sm tl:border-0 tl:bg-transparent tl:px-1.5 tl:py-1 tl:text-left tl:text-xs tl:text-fg tl:hover:bg-bg tl:focus-visible:outline-2 tl:focus-visible:outline-focus tl:disabled:cursor-default";

/** Traces as a list of buttons (name, errors, latency, when), oldest first, for a table's detail row. */
export function TraceLinkList({ label, status, traces, error, onRetry, onTraceClick, format, total, emptyText = "No traces were found." }: TraceLinkListProps) {
  if (status === "loading") return <Skeleton lines={2} label={`Loading ${label.charAt(0).toLowerCase()}${label.slice(1)}`} />;
  if (status === "error") return <ErrorState title={`${label} could not be loaded`} error={error} onRetry={onRetry} />;
  const ordered = [...traces].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const missing = total === undefined ? 0 : Math.max(0, total - ordered.length);
  return (
    <div data-slot="trace-link-list" className="tl:flex tl:flex-col tl:gap-0.5">
      {ordered.length === 0 && <span className="tl:text-muted">{emptyText}</span>}
      <ul aria-label={label} className="tl:m-0 tl:flex tl:max-h-64 tl:list-none tl:flex-col tl:overflow-auto tl:p-0">
        {ordered.map((trace) => {
          const name = cutText(typeof trace.traceName === "string" && trace.traceName.trim() ? trace.traceName.trim() : trace.id, 120);
          const errors = Number(trace.errorCount);
          return (
            <li key={trace.id}>
              <button type="button" className={TRACE_BUTTON} disabled={!onTraceClick} onClick={() => onTraceClick?.(trace.id, traceClickDetails(trace))}>
                <span className="tl:min-w-0 tl:flex-1 tl:truncate tl:font-semibold">{name}</span>
                {errors > 0 && <span className="tl:text-danger">{`${errors} ${errors === 1 ? "error" : "errors"}`}</span>}
                <span className="tl:tabular-nums tl:text-muted">{formatLatency(trace.totalLatency, { locale: format.locale })}</span>
                <RelativeTime iso={trace.createdAt} format={format} />
              </button>
            </li>
          );
        })}
      </ul>
      {missing > 0 && ordered.length > 0 && <span className="tl:text-muted">{`${missing} more ${missing === 1 ? "trace is" : "traces are"} not listed here.`}</span>}
    </div>
  );
}
