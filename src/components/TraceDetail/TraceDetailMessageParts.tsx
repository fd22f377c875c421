import type { JsonPart, MessagePart, SourcePart } from "../../core/messages";
import { cn } from "../ui/cn";
import { DisclosureBox } from "../ui/DisclosureBox";
import { JsonView } from "../ui/JsonView";
import { safeLinkUrl } from "../ui/safeUrl";
import { TraceDetailAudio, TraceDetailFile, TraceDetailImage, TraceDetailVideo } from "./TraceDetailMedia";
import { TraceDetailText } from "./TraceDetailTextPart";

const MAX_PART_DEPTH = 8;

const notice = "tl:rounded-tl tl:border tl:border-dashed tl:border-border tl:px-2 tl:py-1 tl:text-xs tl:text-muted";

function SourceView({ part }: { part: SourcePart }) {
  const href = part.url ? safeLinkUrl(part.url) : null;
  const title = part.title || part.url || part.id || "Source";
  return (
    <p data-slot="message-source" className="tl:m-0 tl:text-xs">
      <span className="tl:text-muted">Source: </span>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="tl:text-accent tl:underline">
          {title}
        </a>
      ) : (
        <span>{title}</span>
      )}
      {href && part.title && <span className="tl:ml-1 tl:break-all tl:text-muted">{part.url}</span>}
    </p>
  );
}

/** Structured content; when the parser did not understand it, the card says why. */
function JsonPartView({ part, highlight }: { part: JsonPart; highlight?: string }) {
  if (!part.reason && !part.label) return <JsonView value={part.value} defaultExpandDepth={3} highlight={highlight} />;
  return (
    <div data-slot={part.reason ? "message-raw-part" : "message-json-part"} className="tl:flex tl:flex-col tl:gap-1">
      {part.label && <span className="tl:text-xs tl:font-semibold tl:text-muted">{part.label}</span>}
      {part.reason && (
        <p role="note" className="tl:m-0 tl:text-xs tl:text-warning">
          Shown as raw JSON: {part.reason}.
        </p>
      )}
      <JsonView value={part.value} defaultExpandDepth={3} highlight={highlight} />
    </div>
  );
}

function Reasoning({ text, redacted, highlight }: { text: string; redacted?: boolean; highlight?: string }) {
  if (redacted && !text) return <p className={notice}>Reasoning was recorded encrypted and cannot be shown.</p>;
  return (
    <DisclosureBox slot="message-reasoning" label="Reasoning" labelClassName="tl:italic tl:text-muted">
      <div className="tl:border-t tl:border-border tl:px-2 tl:py-1">
        <TraceDetailText text={text} highlight={highlight} />
      </div>
    </DisclosureBox>
  );
}

export interface MessagePartsProps {
  parts: readonly MessagePart[];
  highlight?: string;
  markdown?: boolean;
  depth?: number;
}

/** The parts of one message, each by kind. */
export function TraceDetailMessageParts({ parts, highlight, markdown = true, depth = 0 }: MessagePartsProps) {
  if (parts.length === 0) return <p className="tl:m-0 tl:text-xs tl:italic tl:text-muted">(empty)</p>;
  return (
    <div className="tl:flex tl:flex-col tl:gap-2">
      {parts.map((part, i) => {
        switch (part.kind) {
          case "text":
            return <TraceDetailText key={i} text={part.text} highlight={highlight} markdown={markdown} />;
          case "image":
            return <TraceDetailImage key={i} part={part} />;
          case "video":
            return <TraceDetailVideo key={i} part={part} />;
          case "file":
            return <TraceDetailFile key={i} part={part} />;
          case "audio":
            return <TraceDetailAudio key={i} part={part} />;
          case "source":
            return <SourceView key={i} part={part} />;
          case "reasoning":
            return <Reasoning key={i} text={part.text} redacted={part.redacted} highlight={highlight} />;
          case "json":
            return <JsonPartView key={i} part={part} highlight={highlight} />;
          case "tool-call":
            return (
              <div key={i} data-slot="message-tool-call" className="tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:p-2">
                <div className="tl:mb-1 tl:flex tl:flex-wrap tl:items-baseline tl:gap-2 tl:text-xs">
                  <span className="tl:text-muted">Tool call</span>
                  <span className="tl:font-code tl:font-semibold tl:text-fg">{part.name || "(unnamed)"}</span>
                  {part.id && <span className="tl:font-code tl:text-muted">{part.id}</span>}
                </div>
                {part.arguments !== null && typeof part.arguments === "object" ? (
                  <JsonView value={part.arguments} defaultExpandDepth={3} toolbar={false} highlight={highlight} />
                ) : (
                  <pre className="tl:m-0 tl:whitespace-pre-wrap tl:break-all tl:font-code tl:text-xs">{part.rawArguments || "(no arguments)"}</pre>
                )}
              </div>
            );
          case "tool-result":
            return (
              <div
                key={i}
                data-slot="message-tool-result"
                data-error={part.isError || undefined}
                className={cn("tl:rounded-tl tl:border tl:p-2", part.isError ? "tl:border-danger tl:bg-(color:--tl-danger-subtle)" : "tl:border-border tl:bg-bg")}
              >
                <div className="tl:mb-1 tl:text-xs tl:text-muted">
                  {part.isError ? "Tool error" : "Tool result"}
                  {part.name && <span className="tl:ml-1 tl:font-code tl:font-semibold tl:text-fg">{part.name}</span>}
                  {part.toolCallId && <span className="tl:ml-1 tl:font-code">{part.toolCallId}</span>}
                </div>
                {depth >= MAX_PART_DEPTH ? (
                  <p className={notice}>Nested too deep to show.</p>
                ) : (
                  <TraceDetailMessageParts parts={part.content} highlight={highlight} markdown={markdown} depth={depth + 1} />
                )}
              </div>
            );
        }
      })}
    </div>
  );
}
