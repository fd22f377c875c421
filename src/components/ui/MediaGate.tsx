import { useState, type ReactNode } from "react";
import { SMALL_BUTTON } from "./buttonStyles";
import { cn } from "./cn";
import { formatSize } from "./jsonViewModel";
import { decideMedia, MEDIA_DATA_URL_MAX_CHARS, type MediaKind, type MediaPolicy } from "./mediaPolicy";
import { useMediaPolicy } from "./mediaPolicyContext";

const NOUN: Record<MediaKind, string> = { image: "image", audio: "audio", video: "video" };
const NOTICE = "tl:inline-flex tl:max-w-full tl:flex-wrap tl:items-baseline tl:gap-x-1.5 tl:rounded-tl tl:border tl:border-dashed tl:border-border tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-muted";

export interface MediaGateProps {
  /** The address as it came in trace data or model output; anything, checked here. */
  src: unknown;
  kind: MediaKind;
  /** What the media shows, in words (alt text, "Audio from the message"); shown while it is not loaded. */
  label?: string;
  /** Overrides the policy of the nearest provider or drop-in. */
  mediaPolicy?: MediaPolicy;
  /** Draws the media once the policy, or the viewer, lets it load. Only ever given a checked URL. */
  children: (url: string) => ReactNode;
  className?: string;
}

function shortAddress(src: unknown): string {
  const text = typeof src === "string" ? src.trim() : "";
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * Media from trace data under the media policy: `data:` media and allowed origins draw at once;
 * other remote media waits behind a button naming its host, so nothing is requested before the
 * viewer asks; refused addresses are named in words. Built on a render prop so every media shape
 * (images, audio, video) goes through the same gate. Inline (a span), so it fits inside a paragraph.
 */
export function MediaGate({ src, kind, label, mediaPolicy, children, className }: MediaGateProps) {
  const policy = useMediaPolicy(mediaPolicy);
  const decision = decideMedia(src, kind, policy);
  const [asked, setAsked] = useState<string | null>(null);
  const noun = NOUN[kind];
  if (decision.action === "load") return children(decision.url);
  if (decision.action === "ask" && asked === decision.url) return children(decision.url);
  const labelText = label ? <span data-slot="media-label" className="tl:text-fg">{label}</span> : null;
  if (decision.action === "ask") {
    return (
      <span data-slot="media-gate" data-state="ask" data-kind={kind} className={cn(NOTICE, className)}>
        {labelText}
        <button type="button" className={SMALL_BUTTON} onClick={() => setAsked(decision.url)}>
          Load {noun} from <span className="tl:font-code">{decision.host}</span>
        </button>
      </span>
    );
  }
  const limit = typeof policy === "object" && typeof policy.maxDataUrlChars === "number" ? policy.maxDataUrlChars : MEDIA_DATA_URL_MAX_CHARS;
  const why =
    decision.reason === "too-large"
      ? `${noun} not shown: ${formatSize(decision.chars ?? 0)} inline, over the ${formatSize(limit)} limit`
      : decision.reason === "remote-off"
        ? `${noun} from ${decision.host ?? "a remote host"} not loaded: remote media is turned off`
        : `${noun} not shown: its address is not allowed`;
  const address = decision.reason === "not-allowed" ? shortAddress(src) : "";
  return (
    <span data-slot="media-gate" data-state="refused" data-reason={decision.reason} data-kind={kind} className={cn(NOTICE, className)}>
      {labelText}
      <span>[{why}]</span>
      {address && !address.startsWith("data:") && <span className="tl:break-all tl:font-code">{address}</span>}
    </span>
  );
}

export interface PolicyImageProps {
  src: unknown;
  alt: string;
  title?: string;
  mediaPolicy?: MediaPolicy;
  /** Classes of the drawn image. */
  className?: string;
  /** Classes of the gate shown before it loads. */
  gateClassName?: string;
  "data-slot"?: string;
}

/** An image from trace data through the media policy: no referrer, lazily decoded. */
export function PolicyImage({ src, alt, title, mediaPolicy, className, gateClassName, "data-slot": slot }: PolicyImageProps) {
  return (
    <MediaGate src={src} kind="image" label={alt} mediaPolicy={mediaPolicy} className={gateClassName}>
      {(url) => (
        <img
          data-slot={slot}
          src={url}
          alt={alt}
          title={title || undefined}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          className={cn("tl:inline-block tl:h-auto tl:max-h-[400px] tl:max-w-full tl:rounded-tl", className)}
        />
      )}
    </MediaGate>
  );
}
