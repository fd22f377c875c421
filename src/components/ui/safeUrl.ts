/**
 * The URL allowlist for anything drawn from model or user content. Links may only be http(s) or
 * mailto: (a click opens a new tab without referrer, or the mail client; nothing runs, nothing loads
 * before the click). Media sources go through the media policy (`mediaPolicy.ts`), which also decides
 * whether a remote source may load now. Everything else (javascript:, vbscript:, file:, blob:,
 * relative URLs, svg data URLs) is refused, and the caller shows the target as plain text instead.
 */
import { decideMedia, httpUrl, MEDIA_DATA_URL_MAX_CHARS, type MediaKind } from "./mediaPolicy";

/** Longest `data:image/*` URL shown inline, in characters (about 1.5 MB of image). */
export const SAFE_DATA_IMAGE_MAX_CHARS = MEDIA_DATA_URL_MAX_CHARS;

const MAX_LINK_CHARS = 8192;

/** A link target that is safe to put in `href` (http, https or mailto, canonical form), or null. */
export function safeLinkUrl(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > MAX_LINK_CHARS) return null;
  const http = httpUrl(raw);
  if (http) return http.href;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "mailto:" ? url.href : null;
  } catch {
    return null;
  }
}

export type SafeMediaUrl = { ok: true; url: string } | { ok: false; reason: "blocked" | "too-large" };

function schemeCheck(raw: unknown, kind: MediaKind, maxChars: number): SafeMediaUrl {
  // "allow": this answers only whether the address may go in `src` at all; whether a remote one
  // may load now is the media policy's question (PolicyImage, MediaGate).
  const decision = decideMedia(raw, kind, { remote: "allow", maxDataUrlChars: maxChars });
  if (decision.action === "load") return { ok: true, url: decision.url };
  return { ok: false, reason: decision.action === "refuse" && decision.reason === "too-large" ? "too-large" : "blocked" };
}

/** An image address that may go in `src`: http(s), or a raster `data:image/*;base64` URL no longer than `maxChars`. */
export function safeImageUrl(raw: unknown, maxChars = SAFE_DATA_IMAGE_MAX_CHARS): SafeMediaUrl {
  return schemeCheck(raw, "image", maxChars);
}

/** A `data:` URL from bare base64 and a media type (the type cleaned of anything but type characters). */
export function dataUrlFromBase64(data: string, mediaType: string | undefined, fallbackType: string): string {
  const type = (mediaType ?? fallbackType).toLowerCase().replace(/[^a-z0-9/+.-]/g, "");
  return `data:${type};base64,${data}`;
}
