/**
 * Media in the conversation: exactly one component per kind (image, audio, video, file), so a
 * media policy (remote loading, allowlists, inline limits) can wrap each in one place. Content
 * the SDK left out is named honestly: redacted, offloaded, or described only, with size and type
 * when the event says them.
 */
import type { AudioPart, FilePart, ImagePart, MediaOmission, MediaPart, VideoPart } from "../../core/messages";
import { formatSize } from "../ui/jsonViewModel";
import { dataUrlFromBase64, safeAudioUrl, safeImageUrl, safeLinkUrl, SAFE_DATA_IMAGE_MAX_CHARS } from "../ui/safeUrl";
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
  const safe = safeImageUrl(source);
  if (!safe.ok) return <Unplayable part={part} source={source} why={safe.reason === "too-large" ? `it is ${formatSize(source.length)}, over the inline limit` : "this kind of address is not loaded"} />;
  return (
    <img
      data-slot="message-image"
      src={safe.url}
      alt={part.detail ? `Image (detail: ${part.detail})` : "Image from the message"}
      loading="lazy"
      referrerPolicy="no-referrer"
      className="tl:h-auto tl:max-h-[400px] tl:max-w-full tl:self-start tl:rounded-tl tl:border tl:border-border"
    />
  );
}

/** An audio part, with its transcript when there is one. */
export function TraceDetailAudio({ part }: { part: AudioPart }) {
  const source = part.omitted ? undefined : sourceOf(part, part.format ? `audio/${part.format}` : "audio/wav");
  const safe = source ? safeAudioUrl(source) : null;
  return (
    <div data-slot="message-audio" className="tl:flex tl:flex-col tl:gap-1">
      {part.omitted ? (
        <TraceDetailMediaNotice part={part} omission={part.omitted} />
      ) : safe?.ok ? (
        <audio controls preload="none" src={safe.url} className="tl:max-w-full" aria-label="Audio from the message" />
      ) : source ? (
        <Unplayable part={part} source={source} why="this kind of address is not played" />
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

const DATA_VIDEO = /^data:video\/(mp4|webm|ogg|quicktime);base64,[a-z0-9+/=\s]*$/i;

function safeVideoUrl(source: string): string | null {
  if (/^data:/i.test(source)) return source.length <= SAFE_DATA_IMAGE_MAX_CHARS && DATA_VIDEO.test(source) ? source : null;
  return safeLinkUrl(source);
}

/** A video part: playable when inline or on http(s); nothing loads before the viewer presses play. */
export function TraceDetailVideo({ part }: { part: VideoPart }) {
  if (part.omitted) return <TraceDetailMediaNotice part={part} omission={part.omitted} />;
  const source = sourceOf(part, "video/mp4");
  if (!source) return <p className={notice} data-slot="message-media-missing" data-kind="video">{missingText(part)}</p>;
  const safe = safeVideoUrl(source);
  if (!safe) return <Unplayable part={part} source={source} why="this kind of address is not played" />;
  return (
    <div data-slot="message-video" className="tl:flex tl:flex-col tl:gap-1">
      <video controls preload="none" src={safe} className="tl:max-h-[400px] tl:max-w-full" aria-label="Video from the message" />
      <span className="tl:text-xs tl:text-muted">
        {part.mediaType ?? "video"}
        {!safe.startsWith("data:") && <span className="tl:ml-1 tl:break-all tl:font-code">{safe}</span>}
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
