"use client";
import { forwardRef, useCallback, useDeferredValue, useMemo, useRef, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { TraceClickDetails } from "../../core/traceRows";
import type { SentimentError, SentimentResult } from "../../core/sentiment/types";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { ErrorBoundary, ErrorState, retryAfterOf } from "../ui/ErrorState";
import { MediaPolicyScope, type MediaPolicyProps } from "../ui/mediaPolicyContext";
import { readableError } from "../ui/readableError";
import { Skeleton } from "../ui/Skeleton";
import { useControllableState } from "../ui/useControllableState";
import { useDrawnCount } from "../ui/useDrawnCount";
import { SessionViewConversation } from "./SessionViewConversation";
import { SessionViewTrace } from "./SessionViewTrace";
import { inConversationOrder } from "./sessionViewModel";

const EMPTY: readonly string[] = [];
/** PostHog's page of traces, and as many ids as one batch_check takes. */
export const SESSION_PAGE_SIZE = 100;
/**
 * Traces put on the page per painted frame: a page of 100 at once is one task of several hundred
 * milliseconds on a slow machine (each trace reads its previews, usage and time, then is laid out).
 */
export const SESSION_TRACES_PER_DRAW = 25;

/** A host's `pageSize`, made usable: a whole number of at least 1, else the default. */
export const sessionPageSize = (pageSize: unknown): number => (typeof pageSize === "number" && pageSize >= 1 && Number.isFinite(pageSize) ? Math.floor(pageSize) : SESSION_PAGE_SIZE);
/** A host's `shownCount`, made usable: at least one trace. */
export const sessionShownCount = (shown: unknown, pageSize: number): number => Math.max(1, typeof shown === "number" && Number.isFinite(shown) ? Math.floor(shown) : pageSize);

/** Host-owned lists: anything but an array of ids counts as none. */
const idSet = (ids: unknown): ReadonlySet<unknown> => new Set(Array.isArray(ids) ? ids : EMPTY);

export interface SessionViewTraceListProps extends Omit<ComponentPropsWithoutRef<"div">, "children">, MediaPolicyProps {
  /** The session's traces, in any order: shown oldest first. */
  traces: readonly LLMTrace[] | undefined;
  /** Shown in the header. */
  sessionId?: string;
  /** Shows a skeleton while there are no traces yet. @default false */
  loading?: boolean;
  error?: unknown;
  /** Adds "Try again" to the error state. */
  onRetry?: () => void;
  /** Set when the list was cut short (more traces exist than were loaded). */
  moreTraces?: boolean;
  /** Trace-level sentiment by trace id; falls back to `trace.sentiment`. */
  sentiments?: Readonly<Record<string, SentimentResult | SentimentError | null | undefined>>;
  /** Trace ids whose sentiment is still loading. */
  sentimentLoadingIds?: readonly string[];
  /** Cached summary titles by trace id (batch_check). */
  summaryTitles?: Readonly<Record<string, string>>;
  /** Trace ids being summarized now. */
  summarizingIds?: readonly string[];
  /** Summary failures by trace id. */
  summaryErrors?: Readonly<Record<string, unknown>>;
  /** Shows "Summarize all" for the traces without a title. */
  onSummarizeAll?: () => void;
  /** A note shown once under the header (e.g. that summary titles cannot be looked up with these credentials). */
  summaryNotice?: ReactNode;
  /** Expanded trace ids (controlled). */
  expandedTraceIds?: readonly string[];
  /** @default [] */
  defaultExpandedTraceIds?: readonly string[];
  onExpandedTraceIdsChange?: (traceIds: string[]) => void;
  /**
   * Traces shown, oldest first; "Show more" adds `pageSize` at a time, so a session of 20,000 traces
   * renders a page, not every trace. Controlled when given.
   */
  shownCount?: number;
  /** @default pageSize */
  defaultShownCount?: number;
  onShownCountChange?: (count: number) => void;
  /** Traces shown at first and added by each "Show more". @default 100 */
  pageSize?: number;
  /** Adds "Open trace" to each row: the trace's id, when it happened and the row. */
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  /** What an expanded trace shows. @default its conversation, from the trace as given */
  renderConversation?: (trace: LLMTrace) => ReactNode;
  /** BCP 47 locale for dates and numbers. */
  locale?: string;
}

const defaultConversation = (trace: LLMTrace) => <SessionViewConversation trace={trace} />;

/**
 * One AI session from plain data: its traces oldest first, read as one conversation. Each trace shows
 * its summary title, sentiment, time and the user's and assistant's last words, and expands to its full
 * conversation. It never fetches; see `SessionView` for the drop-in version.
 */
export const SessionViewTraceList = forwardRef(function SessionViewTraceList({ mediaPolicy, ...props }: SessionViewTraceListProps, ref: Ref<HTMLDivElement>) {
  return (
    <MediaPolicyScope policy={mediaPolicy}>
      <ErrorBoundary title="The session could not be shown" resetKey={props.traces}>
        <SessionViewTraceListInner {...props} forwardedRef={ref} />
      </ErrorBoundary>
    </MediaPolicyScope>
  );
});
SessionViewTraceList.displayName = "SessionViewTraceList";

function SessionViewTraceListInner({ forwardedRef: ref, ...props }: SessionViewTraceListProps & { forwardedRef: Ref<HTMLDivElement> }) {
  const { traces, sessionId, loading = false, error, onRetry, moreTraces, sentiments, sentimentLoadingIds: loadingProp, summaryTitles, summarizingIds: summarizingProp,
    summaryErrors, onSummarizeAll, summaryNotice, expandedTraceIds, defaultExpandedTraceIds = EMPTY, onExpandedTraceIdsChange, onTraceClick,
    shownCount, defaultShownCount, onShownCountChange, pageSize: pageSizeProp, renderConversation = defaultConversation, locale, className, ...rest } = props;
  const [expanded, setExpanded] = useControllableState<readonly string[]>(expandedTraceIds, defaultExpandedTraceIds, onExpandedTraceIdsChange as (ids: readonly string[]) => void);
  const pageSize = sessionPageSize(pageSizeProp);
  const [shownRaw, setShown] = useControllableState(shownCount, defaultShownCount ?? pageSize, onShownCountChange);
  const ordered = useMemo(() => inConversationOrder(Array.isArray(traces) ? traces : []), [traces]);
  const shown = sessionShownCount(shownRaw, pageSize);
  const wanted = ordered.length > shown ? ordered.slice(0, shown) : ordered;
  // The page is drawn a few traces per frame; until it is all there, it says so and offers no "Show more".
  const drawn = useDrawnCount(wanted.length, SESSION_TRACES_PER_DRAW);
  const drawing = drawn < wanted.length;
  const page = drawing ? wanted.slice(0, drawn) : wanted;
  // Sets, not `includes` per row: with thousands of traces loading at once, a list scan per row is quadratic.
  const expandedIds = useMemo(() => idSet(expanded), [expanded]);
  // Sentiment arrives through a store, which React renders at once: a batch of a hundred would redraw
  // every trace in one task. Deferred, the new bars are drawn in a render that yields between traces.
  // A trace loading in either value, or whose result has arrived but is not drawn yet, shows as loading:
  // the deferred value can lag several updates behind, and no trace may look unscored meanwhile.
  const shownSentiments = useDeferredValue(sentiments);
  const shownLoading = useDeferredValue(loadingProp);
  const loadingIds = useMemo(() => idSet(loadingProp), [loadingProp]);
  const shownLoadingIds = useMemo(() => idSet(shownLoading), [shownLoading]);
  // One toggle per trace id for the life of the list, so memoised traces keep their props.
  const setExpandedRef = useRef(setExpanded);
  setExpandedRef.current = setExpanded;
  const toggles = useMemo(() => new Map<string, (open: boolean) => void>(), []);
  const toggleOf = useCallback(
    (id: string) => {
      let toggle = toggles.get(id);
      if (!toggle) {
        toggle = (open: boolean) => setExpandedRef.current((ids) => (open ? [...ids.filter((other) => other !== id), id] : ids.filter((other) => other !== id)));
        toggles.set(id, toggle);
      }
      return toggle;
    },
    [toggles],
  );
  const summarizingIds = Array.isArray(summarizingProp) ? summarizingProp : EMPTY;
  const summarizing = useMemo(() => idSet(summarizingIds), [summarizingIds]);
  // Host-owned maps: anything but a string title counts as none.
  const titleOf = (id: string) => (typeof summaryTitles?.[id] === "string" ? summaryTitles[id] : undefined);
  const lacking = wanted.filter((t) => !titleOf(t.id)).length;
  const busy = summarizingIds.length > 0;
  const failed = error !== undefined && error !== null && error !== false;

  let body: ReactNode;
  if (failed) body = <ErrorState title="The session could not be loaded" error={readableError(error)} onRetry={onRetry} retryAfterMs={retryAfterOf(error)} />;
  else if (loading && ordered.length === 0) body = <Skeleton lines={4} label="Loading session" />;
  else if (ordered.length === 0) body = <p className="tl:m-0 tl:rounded-tl tl:border tl:border-dashed tl:border-border tl:p-3 tl:text-muted">No traces in this session.</p>;
  else
    body = (
      <>
      <ol aria-label="Traces in this session" className="tl:m-0 tl:flex tl:list-none tl:flex-col tl:gap-2 tl:p-0">
        {page.map((trace, i) => (
          <SessionViewTrace
            // Host data may repeat an id or lack one; the position keeps keys unique.
            key={`${i}:${String(trace.id)}`}
            trace={trace}
            position={i + 1}
            expanded={expandedIds.has(trace.id)}
            onExpandedChange={toggleOf(trace.id)}
            sentiment={shownSentiments?.[trace.id] ?? trace.sentiment}
            sentimentLoading={loadingIds.has(trace.id) || shownLoadingIds.has(trace.id) || (sentiments?.[trace.id] !== undefined && shownSentiments?.[trace.id] === undefined)}
            summaryTitle={titleOf(trace.id)}
            summarizing={summarizing.has(trace.id)}
            summaryError={summaryErrors?.[trace.id]}
            onTraceClick={onTraceClick}
            renderConversation={renderConversation}
            locale={locale}
          />
        ))}
      </ol>
      {drawing && (
        <p data-slot="session-drawing" className="tl:m-0 tl:text-xs tl:italic tl:text-muted">
          {`Drawing ${(wanted.length - drawn).toLocaleString(locale)} more ${wanted.length - drawn === 1 ? "trace" : "traces"}…`}
        </p>
      )}
      {!drawing && page.length < ordered.length && (
        <p data-slot="session-more" className="tl:m-0 tl:flex tl:flex-wrap tl:items-center tl:gap-2 tl:text-xs tl:text-muted">
          {`Showing the first ${page.length.toLocaleString(locale)} of ${ordered.length.toLocaleString(locale)} traces.`}
          <button type="button" className={SMALL_BUTTON} onClick={() => setShown(Math.min(ordered.length, page.length + pageSize))}>
            {`Show ${Math.min(pageSize, ordered.length - page.length).toLocaleString(locale)} more`}
          </button>
        </p>
      )}
      </>
    );

  return (
    <div {...rest} ref={ref} aria-busy={loading || busy || drawing || undefined} data-slot="session-view" className={cn("tl-root tl:flex tl:flex-col tl:gap-3 tl:font-body tl:text-sm tl:text-fg", className)}>
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
        <p className="tl:m-0 tl:font-semibold">
          Session{typeof sessionId === "string" && sessionId ? <span className="tl:font-code tl:font-normal"> {sessionId}</span> : null}
        </p>
        {ordered.length > 0 && (
          <span className="tl:text-xs tl:text-muted">
            {ordered.length.toLocaleString(locale)} {ordered.length === 1 ? "trace" : "traces"}
          </span>
        )}
        {onSummarizeAll && ordered.length > 0 && (
          <button type="button" className={cn(SMALL_BUTTON, "tl:ml-auto")} disabled={busy || lacking === 0} onClick={onSummarizeAll}>
            Summarize all
          </button>
        )}
        <span role="status" className="tl:basis-full tl:text-xs tl:text-muted tl:empty:hidden">
          {busy ? `Summarizing ${summarizingIds.length.toLocaleString(locale)} ${summarizingIds.length === 1 ? "trace" : "traces"}…` : ""}
        </span>
        {summaryNotice && (
          <p role="note" data-slot="session-summary-notice" className="tl:m-0 tl:basis-full tl:text-xs tl:text-muted">
            {summaryNotice}
          </p>
        )}
      </div>
      {body}
      {moreTraces && <p className="tl:m-0 tl:text-xs tl:text-muted">More traces belong to this session than were loaded; the oldest are not shown.</p>}
    </div>
  );
}

