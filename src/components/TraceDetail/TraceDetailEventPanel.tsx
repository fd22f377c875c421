import type { ReactNode } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { GenerationSentiment, SentimentError } from "../../core/sentiment/types";
import type { GenerationLabels } from "../../core/messageLabels";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { ErrorBoundary } from "../ui/ErrorState";
import { Tabs, type TabItem } from "../ui/Tabs";
import { TraceDetailConversation } from "./TraceDetailConversation";
import { TraceDetailEventHeader } from "./TraceDetailEventHeader";
import { TraceDetailRaw } from "./TraceDetailRaw";
import { TraceDetailTextRepr } from "./TraceDetailTextRepr";

export type TraceDetailTab = "conversation" | "raw" | "text" | "summary";

/** What panel slots (Text, Summary) receive. */
export interface TraceDetailPanelContext {
  /** The selected node (the root for the whole trace). */
  node: TraceTreeNode;
  tree: TraceTree;
  trace: LLMTrace | null | undefined;
  /** Selects an event by id, as a click in the tree would. */
  selectEvent: (eventId: string) => void;
}

export interface TraceDetailEventPanelProps {
  node: TraceTreeNode;
  tree: TraceTree;
  trace?: LLMTrace | null;
  sentiment?: GenerationSentiment | SentimentError | null;
  /** The selected generation's emotion and toxicity labels per user message. */
  labels?: GenerationLabels | null;
  tab?: TraceDetailTab;
  defaultTab?: TraceDetailTab;
  onTabChange?: (tab: TraceDetailTab) => void;
  highlight?: string;
  locale?: string;
  selectEvent: (eventId: string) => void;
  renderText?: (context: TraceDetailPanelContext) => ReactNode;
  summary?: (context: TraceDetailPanelContext) => ReactNode;
}

/** Event header and the Conversation / Raw / Text (/ Summary) tabs, each behind its own error boundary. */
export function TraceDetailEventPanel({ node, tree, trace, sentiment, labels, tab, defaultTab, onTabChange, highlight, locale, selectEvent, renderText, summary }: TraceDetailEventPanelProps) {
  const context: TraceDetailPanelContext = { node, tree, trace, selectEvent };
  const guard = (title: string, content: () => ReactNode) => () => (
    <ErrorBoundary title={title} resetKey={node}>
      {content()}
    </ErrorBoundary>
  );
  const items: Array<TabItem<TraceDetailTab>> = [
    {
      value: "conversation",
      label: "Conversation",
      content: guard("The conversation could not be shown", () => (
        <TraceDetailConversation node={node} tree={tree} trace={trace} sentiment={sentiment} labels={labels} highlight={highlight} />
      )),
    },
    { value: "raw", label: "Raw", content: guard("The raw event could not be shown", () => <TraceDetailRaw node={node} tree={tree} trace={trace} highlight={highlight} />) },
    {
      value: "text",
      label: "Text",
      content: guard("The text representation could not be shown", () =>
        renderText ? renderText(context) : <TraceDetailTextRepr node={node} tree={tree} trace={trace} onSelectEvent={selectEvent} />,
      ),
    },
  ];
  if (summary) items.push({ value: "summary", label: "Summary", content: guard("The summary could not be shown", () => summary(context)) });
  return (
    <div role="group" data-slot="event-panel" aria-label="Selected event" className="tl:flex tl:min-w-0 tl:flex-col tl:gap-2">
      <ErrorBoundary title="The event header could not be shown" resetKey={node}>
        <TraceDetailEventHeader node={node} tree={tree} locale={locale} />
      </ErrorBoundary>
      <Tabs<TraceDetailTab> label="Event views" items={items} value={tab} defaultValue={defaultTab} onValueChange={onTabChange} />
    </div>
  );
}
