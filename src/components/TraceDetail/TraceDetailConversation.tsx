import { useMemo, useState } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { Message } from "../../core/messages";
import type { GenerationSentiment, SentimentError } from "../../core/sentiment/types";
import { generationLabelsFromEvent, type GenerationLabels } from "../../core/messageLabels";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { JsonView } from "../ui/JsonView";
import { TraceDetailConversationExtras } from "./TraceDetailConversationExtras";
import { conversationOf, type ConversationSide } from "./traceDetailConversationModel";
import { TraceDetailMessage } from "./TraceDetailMessage";
import { messageMatches } from "./traceDetailMessageText";
import { TraceDetailMediaPart } from "./TraceDetailMedia";
import { TraceDetailText } from "./TraceDetailTextPart";

/** Messages listed per side before "Show earlier messages" (long agent histories). */
export const CONVERSATION_PAGE = 50;

const small = SMALL_BUTTON;

interface SectionProps {
  title: "Input" | "Output";
  side: ConversationSide;
  sentiment: GenerationSentiment | SentimentError | null | undefined;
  labels?: GenerationLabels | null;
  highlight: string;
}

function defaultOpen(section: "input" | "output", index: number, count: number, message: Message, query: string): boolean {
  if (query && messageMatches(message, query)) return true;
  // PostHog's default view: outputs open, only the last input open.
  return section === "output" || index === count - 1;
}

function Section({ title, side, sentiment, labels, highlight }: SectionProps) {
  const section = title === "Input" ? "input" : "output";
  const messages = side.kind === "messages" ? side.messages : [];
  const query = highlight.trim().toLowerCase();
  const [mode, setMode] = useState<{ all: boolean | null; overrides: Map<number, boolean> }>({ all: null, overrides: new Map() });
  const [shown, setShown] = useState(CONVERSATION_PAGE);
  const first = Math.max(0, messages.length - shown);
  const isOpen = (i: number) => mode.overrides.get(i) ?? mode.all ?? defaultOpen(section, i, messages.length, messages[i] as Message, query);
  const allOpen = messages.every((_, i) => isOpen(i));
  const allClosed = messages.every((_, i) => !isOpen(i));
  const perMessage = sentiment && "messages" in sentiment ? sentiment.messages : undefined;
  return (
    <div role="group" aria-label={title} data-slot={`conversation-${section}`} className="tl:flex tl:flex-col tl:gap-1.5">
      <div className="tl:flex tl:items-center tl:gap-2">
        <h3 className="tl:m-0 tl:text-xs tl:font-semibold tl:uppercase tl:tracking-wide tl:text-muted">{title}</h3>
        {messages.length > 1 && (
          <>
            <button type="button" className={small} disabled={allOpen} onClick={() => setMode({ all: true, overrides: new Map() })}>
              Expand all
            </button>
            <button type="button" className={small} disabled={allClosed} onClick={() => setMode({ all: false, overrides: new Map() })}>
              Collapse all
            </button>
          </>
        )}
      </div>
      {side.kind === "none" && <p className="tl:m-0 tl:text-xs tl:italic tl:text-muted">No {section}</p>}
      {side.kind === "media" && <TraceDetailMediaPart part={side.part} />}
      {side.kind === "value" &&
        (typeof side.value === "string" ? (
          <TraceDetailText text={side.value} highlight={highlight} />
        ) : (
          <JsonView value={side.value} defaultExpandDepth={3} highlight={highlight} />
        ))}
      {first > 0 && (
        <button type="button" className={small} onClick={() => setShown(shown + CONVERSATION_PAGE)}>
          Show {Math.min(CONVERSATION_PAGE, first)} earlier of {first} hidden messages
        </button>
      )}
      {messages.slice(first).map((message, offset) => {
        const i = first + offset;
        const role = message.kind === "message" ? message.role : "unknown";
        return (
          <TraceDetailMessage
            key={i}
            message={message}
            section={section}
            open={isOpen(i)}
            onOpenChange={(open) => setMode((current) => ({ all: current.all, overrides: new Map(current.overrides).set(i, open) }))}
            sentiment={section === "input" && role === "user" && message.index >= 0 ? perMessage?.[String(message.index)] : undefined}
            labels={section === "input" && role === "user" && message.index >= 0 ? ownLabels(labels, message.index) : undefined}
            highlight={highlight}
            matched={Boolean(query) && messageMatches(message, query)}
          />
        );
      })}
      {side.kind === "messages" && side.extra && (
        <div data-slot={`conversation-${section}-extra`} className="tl:flex tl:flex-col tl:gap-1">
          <h4 className="tl:m-0 tl:text-xs tl:font-semibold tl:text-muted">Other state keys</h4>
          <JsonView value={side.extra} defaultExpandDepth={2} highlight={highlight} />
        </div>
      )}
    </div>
  );
}

function ownLabels(labels: GenerationLabels | null | undefined, index: number) {
  const messages = labels?.messages;
  return messages && Object.prototype.hasOwnProperty.call(messages, String(index)) ? messages[String(index)] : undefined;
}

export interface TraceDetailConversationProps {
  node: TraceTreeNode;
  tree: TraceTree;
  trace?: LLMTrace | null;
  /** The generation's sentiment, for the per-message bars on user messages. */
  sentiment?: GenerationSentiment | SentimentError | null;
  /**
   * The generation's emotion and toxicity labels per user message, from the client's classifiers;
   * labels stored on the event itself are read from it and win.
   */
  labels?: GenerationLabels | null;
  /** Search text to mark and to open matching messages. */
  highlight?: string;
}

/**
 * The conversation of one event: input and output messages for generations, states for spans and
 * the trace, a verdict for evaluations; plus available tools and the error. Every provider shape
 * goes through core's message parser; shapes it does not know are shown as raw JSON with a notice.
 */
export function TraceDetailConversation({ node, tree, trace, sentiment, labels, highlight = "" }: TraceDetailConversationProps) {
  const model = useMemo(() => conversationOf(node, tree, trace), [node, tree, trace]);
  const stored = useMemo(() => (node.event ? generationLabelsFromEvent(node.event) : null), [node.event]);
  return (
    <div data-slot="conversation" className="tl:flex tl:flex-col tl:gap-3">
      <TraceDetailConversationExtras model={model} node={node} highlight={highlight} />
      {model.evaluation === null && (
        <>
          <Section key={`${node.key}:in`} title="Input" side={model.input} sentiment={sentiment} labels={stored ?? labels} highlight={highlight} />
          {node.kind !== "embedding" && <Section key={`${node.key}:out`} title="Output" side={model.output} sentiment={undefined} highlight={highlight} />}
        </>
      )}
    </div>
  );
}
