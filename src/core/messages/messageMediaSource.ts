/**
 * Where a media part's bytes are: a URL, inline base64, or nothing but an SDK placeholder.
 * Placeholders come from PostHog's SDKs: `[base64 image redacted]` (posthog-python),
 * `[base64 image/png redacted]` / `[base64 redacted]` / `[base64 file redacted]` (posthog-js),
 * the same inside a `data:` URL, `[image/png file - 2048 bytes]` and `[binary image/png file]`
 * (Vercel middleware), `raw files not supported`, and `phaiblob://v1/sha256/…?mime=…&size=…`
 * pointers to PostHog's blob store.
 */
import type { AudioPart, FilePart, ImagePart, MediaOmission, MediaPart, VideoPart } from "./messageTypes";

const REDACTED = /^(?:data:[^,]{0,200},)?\[base64(?: ([^\]]{1,100}))? redacted\]$/i;
const DESCRIBED = /^\[([\w.+-]{1,60}\/[\w.+-]{1,100}|[\w.+-]{1,60}) file - (\d{1,15}) bytes\]$/;
const BINARY = /^\[binary ([\w.+/-]{1,160}) file\]$/;
const BLOB_POINTER = /^phaiblob:\/\//i;
const URL_LIKE = /^(?:https?:|data:|gs:|s3:)/i;

function mediaTypeOf(label: string | undefined): string | undefined {
  return label && label.includes("/") ? label.toLowerCase() : undefined;
}

function blobPointer(value: string): MediaOmission {
  const omission: MediaOmission = { reason: "offloaded", placeholder: value.length > 300 ? `${value.slice(0, 300)}…` : value };
  const query = value.indexOf("?");
  if (query >= 0) {
    const params = new URLSearchParams(value.slice(query + 1));
    const mime = params.get("mime");
    if (mime) omission.mediaType = mime;
    const size = Number(params.get("size"));
    if (Number.isFinite(size) && size >= 0 && params.get("size") !== null) omission.sizeBytes = size;
  }
  return omission;
}

/** The placeholder a string stands for, or `null` when it is real content (a URL or base64). */
export function mediaOmissionOf(value: string): MediaOmission | null {
  const text = value.trim();
  if (text.length > 2000) return BLOB_POINTER.test(text) ? blobPointer(text) : null;
  const redacted = REDACTED.exec(text);
  if (redacted) {
    const omission: MediaOmission = { reason: "redacted", placeholder: text };
    const mediaType = mediaTypeOf(redacted[1]) ?? (text.toLowerCase().startsWith("data:") ? mediaTypeOf(text.slice(5, text.search(/[;,]/))) : undefined);
    if (mediaType) omission.mediaType = mediaType;
    return omission;
  }
  const described = DESCRIBED.exec(text);
  if (described) {
    const omission: MediaOmission = { reason: "not-captured", placeholder: text, sizeBytes: Number(described[2]) };
    const mediaType = mediaTypeOf(described[1]);
    if (mediaType) omission.mediaType = mediaType;
    return omission;
  }
  const binary = BINARY.exec(text);
  if (binary) {
    const omission: MediaOmission = { reason: "not-captured", placeholder: text };
    const mediaType = mediaTypeOf(binary[1]);
    if (mediaType) omission.mediaType = mediaType;
    return omission;
  }
  if (text === "raw files not supported") return { reason: "not-captured", placeholder: text };
  if (BLOB_POINTER.test(text)) return blobPointer(text);
  return null;
}

/** `data:image/png;base64,...` → `image/png`. */
export function dataUrlMediaType(url: string): string | undefined {
  if (!url.toLowerCase().startsWith("data:")) return undefined;
  const end = url.indexOf(";");
  const comma = url.indexOf(",");
  const stop = end > 0 && (comma < 0 || end < comma) ? end : comma;
  return stop > 5 ? url.slice(5, stop) : undefined;
}

/**
 * Puts a recorded source string on a part: a placeholder becomes `omitted`, URLs (http, data,
 * gs, s3) become `url`, anything else is taken as bare base64 `data`. Empty strings are ignored.
 */
export function setMediaSource(part: MediaPart, value: unknown): void {
  if (typeof value !== "string" || value === "") return;
  const omission = mediaOmissionOf(value);
  if (omission) {
    part.omitted = omission;
    if (omission.mediaType && !part.mediaType) part.mediaType = omission.mediaType;
    return;
  }
  if (URL_LIKE.test(value)) {
    part.url = value;
    const fromUrl = dataUrlMediaType(value);
    if (fromUrl && !part.mediaType) part.mediaType = fromUrl;
  } else part.data = value;
}

/** Sets the media type unless one is already known; ignores non-strings. */
export function setMediaType(part: MediaPart, value: unknown): void {
  if (typeof value === "string" && value !== "" && !part.mediaType) part.mediaType = value;
}

export type MediaKind = MediaPart["kind"];

/** A media kind from a MIME type or an OTel/LangChain modality word; `fallback` when neither says. */
export function mediaKindOf(mimeOrModality: unknown, fallback: MediaKind): MediaKind {
  const hint = typeof mimeOrModality === "string" ? mimeOrModality.toLowerCase() : "";
  if (hint.startsWith("image")) return "image";
  if (hint.startsWith("audio")) return "audio";
  if (hint.startsWith("video")) return "video";
  if (hint.includes("/")) return "file";
  return fallback;
}

/** An empty part of the given media kind. */
export function newMediaPart(kind: MediaKind): MediaPart {
  switch (kind) {
    case "image":
      return { kind } satisfies ImagePart;
    case "audio":
      return { kind } satisfies AudioPart;
    case "video":
      return { kind } satisfies VideoPart;
    default:
      return { kind: "file" } satisfies FilePart;
  }
}
