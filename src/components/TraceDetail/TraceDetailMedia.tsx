/**
 * Media in the conversation: exactly one component per kind (image, audio, video, file), each through
 * the media policy (MediaGate: remote media waits for the viewer unless allowed, inline media is
 * size-capped). Content
 * the SDK left out is named honestly: redacted, offloaded, or described only, with size and type
 * when the event says them.
 */
import type { AudioPart, FilePart, ImagePart, MediaOmission, MediaPart, VideoPart } from "../../core/messages";
import { formatSize } from "../ui/jsonViewModel";
import { MediaGate, PolicyImage } from "../ui/MediaGate";
import { dataUrlFromBase64, safeLinkUrl } from "../ui/safeUrl";
import { TraceDetailText } from "./TraceDetailTextPart";
import { inlineBytes, omissionText } from "./traceDetailMediaText";

const notice = "tl:m-0 tl:rounded-tl tl:border tl:border-dashed tl:border-border tl:px-2 tl:py-1 tl:text-xs tl:text-muted";
const NOUN: Record<MediaPart["kind"], string> = { image: "Image", audio: "Audio", video: "Video", file: "File" };

/** The notice for media whose bytes are not in the event. */
export function TraceDetailMediaNotice({ part, omission }: { part: MediaPart; omission: MediaOmission }) {
  return (
    <p className={notice} role="note" data-slot="message-media-omitted" data-reason={omission.reason} data-kind={part.kind} title={omission.placeholder}>
      {omissionText(NOUN[part.kind], omission, part.mediaType)}
    </p>
  );
}

function missingText(part: MediaPart): string {
  const what = NOUN[part.kind];
  if (part.fileId) return `${what} referenced by provider file id ${part.fileId}; its content is not in the event.`;
  return `${what} not included in the event.`;
}

function Unplayable({ part, source, why }: { part: MediaPart; source: string; why: string }) {
  const shown = source.startsWith("data:") ? `${source.slice(0, source.indexOf(",") + 1)}…` : source.length > 200 ? `${source.slice(0, 200)}…` : source;
  return (
    <p className={notice} data-slot="message-media-blocked" data-kind={part.kind}>
      {NOUN[part.kind]} not shown: {why}. <span className="tl:break-all tl:font-code">{shown}</span>
    </p>
  );
}

function sourceOf(part: MediaPart, fallbackType: string): string | undefined {
  if (part.url) return part.url;
  if (part.data) return dataUrlFromBase64(part.data, part.mediaType, fallbackType);
  return undefined;
}

/** An image part. */
export function TraceDetailImage({ part }: { part: ImagePart }) {
  if (part.omitted) return <TraceDetailMediaNotice part={part} omission={part.omitted} />;
  const source = sourceOf(part, "image/png");
  if (!source) return <p className={notice} data-slot="message-media-missing" data-kind="image">{missingText(part)}</p>;
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

/** An audio part, with its transcript when there is one. */
export function TraceDetailAudio({ part }: { part: AudioPart }) {
  const source = part.omitted ? undefined : sourceOf(part, part.format ? `audio/${part.format}` : "audio/wav");
  return (
    <div data-slot="message-audio" className="tl:flex tl:flex-col tl:gap-1">
      {part.omitted ? (
        <TraceDetailMediaNotice part={part} omission={part.omitted} />
      ) : source ? (
        <MediaGate src={source} kind="audio" label="Audio from the message" className="tl:self-start">
          {(url) => <audio controls preload="metadata" src={url} className="tl:max-w-full" aria-label="Audio from the message" />}
        </MediaGate>
      ) : (
        <p className={notice} data-slot="message-media-missing" data-kind="audio">{missingText(part)}</p>
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

/** A video part: playable when inline, or from http(s) once the media policy or the viewer allows it. */
export function TraceDetailVideo({ part }: { part: VideoPart }) {
  if (part.omitted) return <TraceDetailMediaNotice part={part} omission={part.omitted} />;
  const source = sourceOf(part, "video/mp4");
  if (!source) return <p className={notice} data-slot="message-media-missing" data-kind="video">{missingText(part)}</p>;
  return (
    <div data-slot="message-video" className="tl:flex tl:flex-col tl:gap-1">
      <MediaGate src={source} kind="video" label="Video from the message" className="tl:self-start">
        {(url) => <video controls preload="metadata" src={url} className="tl:max-h-[400px] tl:max-w-full" aria-label="Video from the message" />}
      </MediaGate>
      <span className="tl:text-xs tl:text-muted">
        {part.mediaType ?? "video"}
        {!source.startsWith("data:") && <span className="tl:ml-1 tl:break-all tl:font-code">{source.length > 200 ? `${source.slice(0, 200)}…` : source}</span>}
      </span>
    </div>
  );
}

/** A file or document part: name, type and size, a link for http(s) files, inline text documents shown. */
export function TraceDetailFile({ part }: { part: FilePart }) {
  const href = part.url ? safeLinkUrl(part.url) : null;
  const name = part.filename ?? part.fileId ?? "File";
  const bytes = inlineBytes(part);
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
          {bytes !== null ? ` · ${formatSize(bytes)}` : ""}
        </span>
      </span>
      {part.omitted && <TraceDetailMediaNotice part={part} omission={part.omitted} />}
      {!part.omitted && !part.url && !part.data && !part.text && <p className={notice} data-slot="message-media-missing" data-kind="file">{missingText(part)}</p>}
      {part.url && !href && !part.url.toLowerCase().startsWith("data:") && <Unplayable part={part} source={part.url} why="this kind of address is not opened" />}
      {part.text && <TraceDetailText text={part.text} markdown={false} />}
    </div>
  );
}

/** Any media part, through its kind's one component. */
export function TraceDetailMediaPart({ part }: { part: MediaPart }) {
  switch (part.kind) {
    case "image":
      return <TraceDetailImage part={part} />;
    case "audio":
      return <TraceDetailAudio part={part} />;
    case "video":
      return <TraceDetailVideo part={part} />;
    default:
      return <TraceDetailFile part={part} />;
  }
}
