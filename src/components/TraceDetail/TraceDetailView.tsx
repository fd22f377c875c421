"use client";
import { forwardRef, useCallback, useMemo, useRef, type ComponentPropsWithoutRef, type ReactNode, type Ref } from "react";
import { readString } from "../../core/eventsAccess";
import type { LLMTrace } from "../../core/eventsTrace";
import type { GenerationSentiment, SentimentError, SentimentResult } from "../../core/sentiment/types";
import type { TraceTreeRow } from "../../core/trace";
import { cn } from "../ui/cn";
import { useComposedRefs } from "../ui/composeRefs";
import { useCompactWidth } from "../ui/useCompactWidth";
import { ErrorBoundary, ErrorState } from "../ui/ErrorState";
import { MediaPolicyScope, type MediaPolicyProps } from "../ui/mediaPolicyContext";
import { Skeleton } from "../ui/Skeleton";
import { TraceDetailDataNotes } from "./TraceDetailDataNotes";
import { TraceDetailEventPanel, type TraceDetailPanelContext, type TraceDetailTab } from "./TraceDetailEventPanel";
import { TraceDetailHeader } from "./TraceDetailHeader";
import { TraceDetailNavigation, type TraceDetailNeighbours } from "./TraceDetailNavigation";
import type { TraceClickDetails } from "../../core/traceRows";
import { formatInteger, generationSentiment, kindsInTree, type SentimentSources } from "./traceDetailModel";
import { TraceDetailSearch } from "./TraceDetailSearch";
import { TraceDetailTimeline } from "./TraceDetailTimeline";
import { TraceDetailTree } from "./TraceDetailTree";
import { traceDetailBaseInsight, traceDetailInsight } from "./traceDetailInsight";
import { useTraceDetailBuild } from "./useTraceDetailBuild";
import type { ConversationPreset } from "../../core/conversationPresets";
import { useTraceDetailState, type TraceDetailStateProps } from "./useTraceDetailState";
import { isLabelsError, type GenerationLabels, type LabelsError, type LabelsResult } from "../../core/messageLabels";

function generationLabelsOf(labels: LabelsResult | LabelsError | null | undefined, id: string): GenerationLabels | undefined {
  if (!labels || isLabelsError(labels) || !Object.prototype.hasOwnProperty.call(labels.generations, id)) return undefined;
  return labels.generations[id];
}

export interface TraceDetailViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children">, TraceDetailStateProps, MediaPolicyProps {
  /** The trace as PostHog's TraceQuery returns it (`LLMTrace`); `null` means not found. */
  trace: LLMTrace | null | undefined;
  /** Shows a skeleton while there is no trace yet. @default false */
  loading?: boolean;
  /** Shows the error instead of the trace. */
  error?: unknown;
  /** Adds "Try again" to the error state. */
  onRetry?: () => void;
  /** Trace-level sentiment (its `generations` map feeds the per-generation bars); defaults to `trace.sentiment`. */
  sentiment?: SentimentResult | SentimentError | null;
  /** Shows the sentiment chip as loading. @default false */
  sentimentLoading?: boolean;
  /** Per-generation results by event id; win over the trace result's map and inline `event.sentiment`. */
  generationSentiments?: Readonly<Record<string, GenerationSentiment | SentimentError | null | undefined>>;
  /**
   * The trace's emotion and toxicity labels (from the client's classifiers, or the host's); its
   * `generations` map puts chips on each user message. Labels stored on an event win over it.
   */
  labels?: LabelsResult | LabelsError | null;
  /** Active tab (controlled). */
  tab?: TraceDetailTab;
  /** @default "conversation" */
  defaultTab?: TraceDetailTab;
  /** PostHog's display option: which messages start open, or the text view (controlled). */
  conversationPreset?: ConversationPreset;
  /** @default "collapse-except-output-and-last-input" */
  defaultConversationPreset?: ConversationPreset;
  onConversationPresetChange?: (preset: ConversationPreset) => void;
  onTabChange?: (tab: TraceDetailTab) => void;
  /** Content of a Summary tab; the tab only exists when this is given (the drop-in shell gives a SummaryPanel; `null` drops it). */
  summary?: ((context: TraceDetailPanelContext) => ReactNode) | null;
  /** Replaces the Text tab's content (the drop-in shell uses it to fetch the text from the client). */
  renderText?: (context: TraceDetailPanelContext) => ReactNode;
  /** Shows the timeline. @default true */
  showTimeline?: boolean;
  /** Height of the span tree in pixels. @default 420 */
  treeHeight?: number;
  /**
   * Below this width (px) of the component's own box, the tree and the event panes stack. Without it a
   * CSS container query stacks them below 48rem (768 px), which also holds before hydration.
   */
  stackBelow?: number;
  /** BCP 47 locale for numbers and dates. */
  locale?: string;
  /** The traces either side of this one (from the list it was opened from, or a neighbours query). */
  neighbours?: TraceDetailNeighbours;
  /** Newer/older buttons and the `p`/`n` keys go to a neighbour; shown only with this. */
  onTraceNavigate?: (traceId: string, details: TraceClickDetails) => void;
}

/**
 * A single trace, from plain data: header chips, a virtualized keyboard-driven span tree with
 * search, a flame-chart timeline, and the selected event's Conversation / Raw / Text tabs. It never
 * fetches; see `TraceDetail` for the drop-in version that loads through the provider.
 */
export const TraceDetailView = forwardRef(function TraceDetailView(props: TraceDetailViewProps, ref: Ref<HTMLDivElement>) {
  const {
    trace, loading = false, error, onRetry, sentiment, sentimentLoading = false, generationSentiments, labels,
    selectedEventId, defaultSelectedEventId, onSelectEvent, collapsedNodes, defaultCollapsedNodes, onCollapsedNodesChange,
    tab, defaultTab, onTabChange, search, defaultSearch, onSearchChange, defaultCompactKinds, summary, renderText,
    conversationPreset, defaultConversationPreset, onConversationPresetChange,
    showTimeline = true, treeHeight = 420, stackBelow, locale, mediaPolicy, neighbours, onTraceNavigate, className, ...rest
  } = props;
  // A large trace paints its rows from the tree's shape first; the finished tree follows (useTraceDetailBuild).
  const built = useTraceDetailBuild(trace, locale);
  const { shape, tree } = built;
  const state = useTraceDetailState({
    tree: shape, selectedEventId, defaultSelectedEventId, onSelectEvent, collapsedNodes, defaultCollapsedNodes, onCollapsedNodesChange,
    search, defaultSearch, onSearchChange, defaultCompactKinds,
  });
  const rootRef = useRef<HTMLDivElement | null>(null);
  const setRefs = useComposedRefs<HTMLDivElement>(rootRef, ref);
  const stackedByHost = useCompactWidth(rootRef, stackBelow);
  const hostSetsWidth = typeof stackBelow === "number" && Number.isFinite(stackBelow) && stackBelow > 0;
  const panes = !hostSetsWidth
    ? "tl:@3xl:grid-cols-[minmax(16rem,2fr)_minmax(0,3fr)]"
    : stackedByHost
      ? undefined
      : "tl:grid-cols-[minmax(16rem,2fr)_minmax(0,3fr)]";
  const traceSentiment = sentiment !== undefined ? sentiment : (trace?.sentiment ?? undefined);
  const sources: SentimentSources = useMemo(() => ({ trace: traceSentiment, generations: generationSentiments }), [traceSentiment, generationSentiments]);
  const onSelectRow = useCallback((row: TraceTreeRow) => state.selectNode(row.node), [state.selectNode]);
  const kinds = useMemo(() => (shape ? kindsInTree(shape) : []), [shape]);
  const insight = tree ? (built.stage === "complete" ? traceDetailInsight(tree, locale) : traceDetailBaseInsight(tree)) : undefined;
  const frame = cn("tl-root tl:@container tl:flex tl:flex-col tl:gap-3 tl:font-body tl:text-fg", className);
  const status = loading && !trace ? "loading" : error ? "error" : built.error ? "error" : built.stage === "reading" ? "reading" : !shape ? "empty" : "ready";

  if (status !== "ready" || !shape || !state.selected) {
    return (
      <div {...rest} ref={setRefs} data-slot="trace-detail" data-state={status} className={frame}>
        {status === "loading" && <Skeleton lines={8} label="Loading trace" />}
        {status === "reading" && <Skeleton lines={8} label={`Reading the trace's ${formatInteger(Array.isArray(trace?.events) ? trace.events.length : 0, locale)} events`} />}
        {status === "error" && <ErrorState title="The trace could not be loaded" error={error ?? built.error} onRetry={onRetry} />}
        {status === "empty" && <p className="tl:m-0 tl:text-sm tl:text-muted">{trace === null ? "Trace not found." : "No trace to show."}</p>}
      </div>
    );
  }
  const selected = state.selected;
  const isEmptyTrace = shape.root.children.length === 0 && !shape.root.event;
  const traceName = readString(trace?.traceName) || shape.root.name || "the trace";
  return (
    <div {...rest} ref={setRefs} data-slot="trace-detail" data-state="ready" className={frame}>
      {onTraceNavigate && neighbours && <TraceDetailNavigation neighbours={neighbours} onTraceNavigate={onTraceNavigate} />}
      {tree ? (
        <ErrorBoundary title="The trace header could not be shown" resetKey={tree}>
          <TraceDetailHeader tree={tree} trace={trace} sentiment={traceSentiment} sentimentLoading={sentimentLoading} locale={locale} insight={insight} />
        </ErrorBoundary>
      ) : (
        <TraceDetailPending what="header" label={`Summing up ${traceName}`} lines={2} />
      )}
      {tree ? (
        <ErrorBoundary title="The data notes could not be shown" resetKey={tree}>
          <TraceDetailDataNotes tree={tree} onSelectNode={state.selectNode} locale={locale} />
        </ErrorBoundary>
      ) : (
        built.checking && <TraceDetailDataChecking />
      )}
      {showTimeline && !isEmptyTrace && (tree && built.stage !== "tree" ? (
        <ErrorBoundary title="The timeline could not be shown" resetKey={tree}>
          <TraceDetailTimeline tree={tree} selectedKey={selected.key} onSelectNode={state.selectNode} locale={locale} insight={insight} />
        </ErrorBoundary>
      ) : (
        <TraceDetailPending what="timeline" label="Laying out the timeline" lines={3} />
      ))}
      <div data-slot="trace-detail-panes" data-layout={hostSetsWidth ? (stackedByHost ? "stacked" : "side-by-side") : undefined} className={cn("tl:grid tl:grid-cols-1 tl:gap-3", panes)}>
        <div data-slot="trace-tree-panel" className="tl:flex tl:min-w-0 tl:flex-col tl:gap-2">
          <ErrorBoundary title="The span tree could not be shown" resetKey={shape}>
            <TraceDetailSearch
              value={state.searchText}
              onChange={state.setSearchText}
              occurrences={state.search.query ? state.search.occurrences : null}
              searching={state.searchPending}
              kinds={kinds}
              compactKinds={state.compactKinds}
              onCompactKindsChange={state.setCompactKinds}
              onLeaveDown={() => rootRef.current?.querySelector<HTMLElement>('[data-slot="trace-tree"] [tabindex="0"]')?.focus()}
              locale={locale}
            />
            {state.rows.length === 0 ? (
              <p role="status" className="tl:m-0 tl:rounded-tl tl:border tl:border-border tl:p-3 tl:text-sm tl:text-muted">
                No events match “{state.searchText.trim()}”.
              </p>
            ) : (
              <TraceDetailTree
                rows={state.rows}
                selectedKey={selected.key}
                onSelectNode={onSelectRow}
                onCollapse={state.setCollapsed}
                search={state.search}
                compactKinds={state.compactKinds}
                sentiments={sources}
                height={treeHeight}
                label={`Events of ${traceName}`}
                locale={locale}
                insight={insight}
                pending={!tree}
              />
            )}
            {isEmptyTrace && <p className="tl:m-0 tl:text-sm tl:text-muted">This trace has no events.</p>}
          </ErrorBoundary>
        </div>
        {!tree ? (
          <TraceDetailPending what="event-panel" label="Finishing the trace" lines={6} />
        ) : (
          <ErrorBoundary title="The selected event could not be shown" resetKey={selected}>
            <MediaPolicyScope policy={mediaPolicy}>
              <TraceDetailEventPanel
                node={selected}
                tree={tree}
                trace={trace}
                sentiment={selected.kind === "generation" ? generationSentiment(selected, sources) : undefined}
                labels={selected.kind === "generation" && selected.event ? generationLabelsOf(labels, selected.event.id) : undefined}
                tab={tab}
                defaultTab={defaultTab}
                onTabChange={onTabChange}
                conversationPreset={conversationPreset}
                defaultConversationPreset={defaultConversationPreset}
                onConversationPresetChange={onConversationPresetChange}
                highlight={state.search.query}
                locale={locale}
                selectEvent={state.selectEvent}
                renderText={renderText}
                summary={summary ?? undefined}
                insight={insight}
              />
            </MediaPolicyScope>
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
});
TraceDetailView.displayName = "TraceDetailView";

/**
 * Says that the rows drawn are the outline of a large trace, not yet checked: copies may still show
 * twice, and the data notes (what was merged, re-parented or cut) are not known yet.
 */
function TraceDetailDataChecking() {
  return (
    <p role="status" data-slot="trace-detail-pending" data-part="data-notes" className="tl:m-0 tl:text-xs tl:text-muted">
      Checking the events for copies, missing parents and cycles…
    </p>
  );
}

/** Stands in for a part of a large trace that is still being worked out after the rows were painted. */
function TraceDetailPending({ what, label, lines }: { what: string; label: string; lines: number }) {
  return (
    <div data-slot="trace-detail-pending" data-part={what}>
      <Skeleton lines={lines} label={label} />
    </div>
  );
}
