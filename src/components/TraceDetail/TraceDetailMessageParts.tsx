import type { AudioPart, FilePart, ImagePart, MessagePart } from "../../core/messages";
import { cn } from "../ui/cn";
import { DisclosureBox } from "../ui/DisclosureBox";
import { JsonView } from "../ui/JsonView";
import { TraceDetailText } from "./TraceDetailTextPart";
import { formatSize } from "../ui/jsonViewModel";
import { MediaGate, PolicyImage } from "../ui/MediaGate";
import { dataUrlFromBase64, safeLinkUrl } from "../ui/safeUrl";

const MAX_PART_DEPTH = 8;

const notice = "tl:rounded-tl tl:border tl:border-dashed tl:border-border tl:px-2 tl:py-1 tl:text-xs tl:text-muted";

function ImagePartView({ part }: { part: ImagePart }) {
  const source = part.url ?? (part.data ? dataUrlFromBase64(part.data, part.mediaType, "image/png") : undefined);
  if (!source) return <p className={notice}>Image{part.fileId ? ` (file ${part.fileId})` : ""} not included in the event.</p>;
  return (
    <PolicyImage
      data-slot="message-image"
      src={source}
      alt={part.detail ? `Image (detail: ${part.detail})` : "Image from the message"}
      className="tl:self-start tl:border tl:border-border"
      gateClassName="tl:self-start"
    />
  );
}

function FilePartView({ part }: { part: FilePart }) {
  const href = part.url ? safeLinkUrl(part.url) : null;
  const name = part.filename ?? part.fileId ?? "File";
  const inline = part.data ?? (part.url?.startsWith("data:") ? part.url.slice(part.url.indexOf(",") + 1) : undefined);
  const size = inline ? ` · ${formatSize(Math.floor((inline.length * 3) / 4))}` : "";
  return (
    <div data-slot="message-file" className="tl:flex tl:flex-col tl:gap-1">
      <span className="tl:text-xs">
        <span aria-hidden="true">📄 </span>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="tl:text-accent tl:underline">
            {name}
          </a>
        ) : (
          <span className="tl:font-semibold">{name}</span>
        )}
        <span className="tl:text-muted">
          {part.mediaType ? ` · ${part.mediaType}` : ""}
          {size}
        </span>
      </span>
      {part.text && <TraceDetailText text={part.text} markdown={false} />}
    </div>
  );
}

function AudioPartView({ part }: { part: AudioPart }) {
  const source = part.url ?? (part.data ? dataUrlFromBase64(part.data, part.mediaType ?? (part.format ? `audio/${part.format}` : undefined), "audio/wav") : undefined);
  return (
    <div data-slot="message-audio" className="tl:flex tl:flex-col tl:gap-1">
      {source ? (
        <MediaGate src={source} kind="audio" label="Audio from the message" className="tl:self-start">
          {(url) => <audio controls preload="metadata" src={url} className="tl:max-w-full" aria-label="Audio from the message" />}
        </MediaGate>
      ) : (
        <p className={notice}>Audio not included in the event.</p>
      )}
      {part.transcript && (
        <div className="tl:rounded-tl tl:bg-bg-subtle tl:p-2 tl:text-xs">
          <span className="tl:font-semibold">Transcript: </span>
          <span className="tl:whitespace-pre-wrap">{part.transcript}</span>
        </div>
      )}
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
            return <ImagePartView key={i} part={part} />;
          case "file":
            return <FilePartView key={i} part={part} />;
          case "audio":
            return <AudioPartView key={i} part={part} />;
          case "reasoning":
            return <Reasoning key={i} text={part.text} redacted={part.redacted} highlight={highlight} />;
          case "json":
            return <JsonView key={i} value={part.value} defaultExpandDepth={3} highlight={highlight} />;
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
