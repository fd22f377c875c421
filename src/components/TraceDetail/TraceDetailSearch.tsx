import { useId, type KeyboardEvent } from "react";
import type { TraceNodeKind } from "../../core/trace";
import { cn } from "../ui/cn";
import { KIND_LABEL, formatInteger } from "./traceDetailModel";

export interface TraceDetailSearchProps {
  value: string;
  onChange: (value: string) => void;
  /** Occurrences of the (deferred) query; null while there is no query. */
  occurrences: number | null;
  /** A large trace's search is still going through its events (the count and rows are the last result's). */
  searching?: boolean;
  kinds: readonly TraceNodeKind[];
  compactKinds: ReadonlySet<TraceNodeKind>;
  onCompactKindsChange: (kinds: ReadonlySet<TraceNodeKind>) => void;
  /** ArrowDown in the box moves focus into the tree. */
  onLeaveDown?: () => void;
  locale?: string;
}

const PLURAL: Partial<Record<TraceNodeKind, string>> = {
  generation: "Generations",
  span: "Spans",
  embedding: "Embeddings",
  evaluation: "Evaluations",
  other: "Other events",
};

/** Search box with an occurrence count, and per-type "show details" toggles (PostHog's "Expand" fieldset). */
export function TraceDetailSearch({ value, onChange, occurrences, searching = false, kinds, compactKinds, onCompactKindsChange, onLeaveDown, locale }: TraceDetailSearchProps) {
  const id = useId();
  const toggleable = kinds.filter((kind) => kind !== "trace");
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape" && value) {
      event.preventDefault();
      onChange("");
    } else if (event.key === "ArrowDown" && onLeaveDown) {
      event.preventDefault();
      onLeaveDown();
    }
  };
  return (
    <div data-slot="trace-search" aria-busy={searching || undefined} className="tl:flex tl:flex-col tl:gap-1.5">
      <div className="tl:flex tl:items-center tl:gap-2">
        <label htmlFor={`${id}-q`} className="tl:sr-only">
          Search events
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={value}
          placeholder="Search events…"
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-count`}
          className="tl:min-w-0 tl:flex-1 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-1 tl:text-sm tl:text-fg tl:placeholder:text-muted tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        />
        <span id={`${id}-count`} role="status" aria-live="polite" data-slot="trace-search-count" className="tl:shrink-0 tl:text-xs tl:text-muted">
          {searching ? "Searching…" : occurrences === null ? "" : occurrences === 0 ? "No occurrences" : `${formatInteger(occurrences, locale)} ${occurrences === 1 ? "occurrence" : "occurrences"}`}
        </span>
      </div>
      {toggleable.length > 0 && (
        <fieldset className="tl:m-0 tl:flex tl:flex-wrap tl:items-center tl:gap-x-3 tl:gap-y-1 tl:border-0 tl:p-0 tl:text-xs">
          <legend className="tl:float-left tl:mr-2 tl:p-0 tl:text-muted">Show details:</legend>
          {toggleable.map((kind) => (
            <label key={kind} className={cn("tl:inline-flex tl:cursor-pointer tl:items-center tl:gap-1 tl:text-fg")}>
              <input
                type="checkbox"
                checked={!compactKinds.has(kind)}
                onChange={(event) => {
                  const next = new Set(compactKinds);
                  if (event.target.checked) next.delete(kind);
                  else next.add(kind);
                  onCompactKindsChange(next);
                }}
                className="tl:accent-(color:--tl-accent)"
              />
              {PLURAL[kind] ?? KIND_LABEL[kind]}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
