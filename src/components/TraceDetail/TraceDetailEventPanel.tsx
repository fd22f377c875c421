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
import { DEFAULT_CONVERSATION_PRESET, presetShowsText, type ConversationPreset } from "../../core/conversationPresets";
import { useControllableState } from "../ui/useControllableState";
import { TraceDetailEvaluations } from "./TraceDetailEvaluations";
import { traceDetailInsight, type TraceDetailInsight } from "./traceDetailInsight";
import { TraceDetailPresets } from "./TraceDetailPresets";

export type TraceDetailTab = "conversation" | "raw" | "text" | "summary" | "evaluations";

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
  /** Which messages start open, or the text view (controlled). */
  conversationPreset?: ConversationPreset;
  /** @default "collapse-except-output-and-last-input" */
  defaultConversationPreset?: ConversationPreset;
  onConversationPresetChange?: (preset: ConversationPreset) => void;
  /** The tree's insight when the caller has it; else computed here. */
  insight?: TraceDetailInsight;
}

/** Event header and the Conversation / Raw / Text (/ Summary) tabs, each behind its own error boundary. */
export function TraceDetailEventPanel(props: TraceDetailEventPanelProps) {
  const { node, tree, trace, sentiment, labels, tab, defaultTab, onTabChange, highlight, locale, selectEvent, renderText, summary } = props;
  const context: TraceDetailPanelContext = { node, tree, trace, selectEvent };
  const [preset, setPreset] = useControllableState(props.conversationPreset, props.defaultConversationPreset ?? DEFAULT_CONVERSATION_PRESET, props.onConversationPresetChange);
  const evaluations = (props.insight ?? traceDetailInsight(tree, locale)).evaluations;
  const text = () => (renderText ? renderText(context) : <TraceDetailTextRepr node={node} tree={tree} trace={trace} onSelectEvent={selectEvent} />);
  const guard = (title: string, content: () => ReactNode) => () => (
    <ErrorBoundary title={title} resetKey={node}>
      {content()}
    </ErrorBoundary>
  );
  const items: Array<TabItem<TraceDetailTab>> = [
    {
      value: "conversation",
      label: "Conversation",
      content: guard("The conversation could not be shown", () =>
        // "Text view" shows the text representation where the conversation would be, as PostHog does.
        presetShowsText(preset) ? text() : <TraceDetailConversation node={node} tree={tree} trace={trace} sentiment={sentiment} labels={labels} highlight={highlight} preset={preset} />,
      ),
    },
    { value: "raw", label: "Raw", content: guard("The raw event could not be shown", () => <TraceDetailRaw node={node} tree={tree} trace={trace} highlight={highlight} />) },
    {
      value: "text",
      label: "Text",
      content: guard("The text representation could not be shown", text),
    },
  ];
  if (evaluations.evaluations.length > 0) {
    items.push({
      value: "evaluations",
      label: `Evaluations (${evaluations.evaluations.length})`,
      content: guard("The evaluations could not be shown", () => <TraceDetailEvaluations evaluations={evaluations} tree={tree} selectEvent={selectEvent} locale={locale} />),
    });
  }
  if (summary) items.push({ value: "summary", label: "Summary", content: guard("The summary could not be shown", () => summary(context)) });
  return (
    <div role="group" data-slot="event-panel" aria-label="Selected event" className="tl:flex tl:min-w-0 tl:flex-col tl:gap-2">
      <ErrorBoundary title="The event header could not be shown" resetKey={node}>
        <TraceDetailEventHeader node={node} tree={tree} locale={locale} />
      </ErrorBoundary>
      <Tabs<TraceDetailTab>
        label="Event views"
        items={items}
        value={tab}
        defaultValue={defaultTab}
        onValueChange={onTabChange}
        actions={<TraceDetailPresets value={preset} onChange={setPreset} />}
      />
    </div>
  );
}
