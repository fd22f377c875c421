import { memo, useId, useState } from "react";
import type { Message } from "../../core/messages";
import type { MessageSentiment } from "../../core/sentiment/types";
import type { MessageLabels } from "../../core/messageLabels";
import { EmotionChips, ToxicityChip } from "../LabelChips";
import { SentimentBar } from "../SentimentBar";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import { CopyButton } from "../ui/CopyButton";
import { JsonView } from "../ui/JsonView";
import { TraceDetailMessageParts } from "./TraceDetailMessageParts";
import { messagePreview, messageText } from "./traceDetailMessageText";

const ROLE_TINT: Record<string, string> = {
  user: "tl:bg-(color:--tl-tint-user)",
  assistant: "tl:bg-(color:--tl-tint-assistant)",
  tool: "tl:bg-(color:--tl-tint-tool)",
  system: "tl:bg-(color:--tl-tint-system)",
  developer: "tl:bg-(color:--tl-tint-system)",
  output: "tl:bg-(color:--tl-tint-output)",
};

const small = SMALL_BUTTON;

export interface TraceDetailMessageProps {
  message: Message;
  /** "input" or "output": output cards are tinted green, as in PostHog. */
  section: "input" | "output";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Classifier result for this user message (keyed by its original `$ai_input` index). */
  sentiment?: MessageSentiment;
  /** Emotion and toxicity of this user message (stored on the event, or from the client's classifiers). */
  labels?: MessageLabels;
  highlight?: string;
  /** Marks the card as a search match. */
  matched?: boolean;
}

function roleLabel(message: Message): string {
  if (message.kind === "unparsed") return "Unrecognised";
  const role = String(message.role || "unknown");
  const label = role.charAt(0).toUpperCase() + role.slice(1);
  return message.name ? `${label} (${message.name})` : label;
}

/** A role-tinted message card: header toggles the body; copy, markdown switch and sentiment in the header. */
export const TraceDetailMessage = memo(function TraceDetailMessage({ message, section, open, onOpenChange, sentiment, labels, highlight, matched }: TraceDetailMessageProps) {
  const id = useId();
  const [markdown, setMarkdown] = useState(true);
  const role = message.kind === "unparsed" ? "unknown" : String(message.role);
  const tint = section === "output" && role === "assistant" ? ROLE_TINT.output : ROLE_TINT[role];
  const hasText = message.kind === "message" && message.parts.some((part) => part.kind === "text" || part.kind === "reasoning");
  return (
    <article
      aria-labelledby={`${id}-role`}
      data-slot="message"
      data-role={role}
      data-section={section}
      data-state={open ? "open" : "closed"}
      data-index={message.index}
      data-match={matched || undefined}
      className={cn("tl:rounded-tl tl:border tl:border-border", tint ?? "tl:bg-bg", matched && "tl:ring-2 tl:ring-(color:--tl-highlight-border)")}
    >
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2 tl:px-2 tl:py-1">
        <button
          type="button"
          id={`${id}-role`}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => onOpenChange(!open)}
          className="tl:flex tl:min-w-0 tl:flex-1 tl:cursor-pointer tl:items-baseline tl:gap-2 tl:border-0 tl:bg-transparent tl:p-0 tl:text-left tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          <span aria-hidden="true" className="tl:text-xs tl:text-muted">
            {open ? "▾" : "▸"}
          </span>
          <span className="tl:text-xs tl:font-semibold tl:uppercase tl:tracking-wide tl:text-fg">{roleLabel(message)}</span>
          {!open && <span className="tl:min-w-0 tl:flex-1 tl:truncate tl:text-xs tl:text-muted">{messagePreview(message)}</span>}
        </button>
        {sentiment && (
          <span data-slot="message-sentiment" className="tl:inline-flex">
            <SentimentBar label={sentiment.label} score={sentiment.score} scores={sentiment.scores} />
          </span>
        )}
        {labels && (labels.emotion || labels.toxicity) && (
          <span data-slot="message-labels" className="tl:inline-flex tl:items-center tl:gap-1">
            {labels.emotion && <EmotionChips labels={labels} />}
            <ToxicityChip labels={labels} />
          </span>
        )}
        {open && hasText && (
          <button type="button" className={small} aria-pressed={!markdown} onClick={() => setMarkdown(!markdown)}>
            Plain text
          </button>
        )}
        <CopyButton value={() => messageText(message)} description={`${roleLabel(message)} message`} />
      </div>
      {open && (
        <div id={`${id}-body`} className="tl:border-t tl:border-border tl:px-2 tl:py-2">
          {message.kind === "unparsed" ? (
            <div className="tl:flex tl:flex-col tl:gap-1">
              <p role="note" data-slot="message-raw-reason" className="tl:m-0 tl:text-xs tl:text-warning">
                Shown as raw JSON: {message.reason}.
              </p>
              <JsonView value={message.raw} defaultExpandDepth={3} highlight={highlight} />
            </div>
          ) : (
            <TraceDetailMessageParts parts={message.parts} highlight={highlight} markdown={markdown} />
          )}
        </div>
      )}
    </article>
  );
});
