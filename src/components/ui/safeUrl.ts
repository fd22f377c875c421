/**
 * The URL allowlist for anything drawn from model or user content. Links may only be http(s);
 * images may be http(s) or a `data:image/*` URL of a raster type under a size cap. Everything
 * else (javascript:, vbscript:, file:, blob:, relative URLs, svg data URLs) is refused, and the
 * caller shows the target as plain text instead.
 */

/** Longest `data:image/*` URL shown inline, in characters (about 1.5 MB of image). */
export const SAFE_DATA_IMAGE_MAX_CHARS = 2_000_000;

const RASTER_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]*$/i;
const RASTER_AUDIO = /^data:audio\/(wav|x-wav|mpeg|mp3|ogg|webm|flac|aac|mp4);base64,[a-z0-9+/=\s]*$/i;

function httpUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** A link target that is safe to put in `href`, or null. */
export function safeLinkUrl(raw: unknown): string | null {
  return typeof raw === "string" && raw.length <= 8192 ? httpUrl(raw) : null;
}

export type SafeMediaUrl = { ok: true; url: string } | { ok: false; reason: "blocked" | "too-large" };

function dataOrHttp(raw: unknown, pattern: RegExp, maxChars: number): SafeMediaUrl {
  if (typeof raw !== "string") return { ok: false, reason: "blocked" };
  const trimmed = raw.trim();
  if (/^data:/i.test(trimmed)) {
    if (trimmed.length > maxChars) return { ok: false, reason: "too-large" };
    // The regex is anchored and linear: one character class after a fixed prefix.
    return pattern.test(trimmed) ? { ok: true, url: trimmed } : { ok: false, reason: "blocked" };
  }
  const url = trimmed.length <= 8192 ? httpUrl(trimmed) : null;
  return url ? { ok: true, url } : { ok: false, reason: "blocked" };
}

/** An image source: http(s), or a raster `data:image/*;base64` URL no longer than `maxChars`. */
export function safeImageUrl(raw: unknown, maxChars = SAFE_DATA_IMAGE_MAX_CHARS): SafeMediaUrl {
  return dataOrHttp(raw, RASTER_IMAGE, maxChars);
}

/** An audio source: http(s), or a `data:audio/*;base64` URL no longer than `maxChars`. */
export function safeAudioUrl(raw: unknown, maxChars = SAFE_DATA_IMAGE_MAX_CHARS): SafeMediaUrl {
  return dataOrHttp(raw, RASTER_AUDIO, maxChars);
}

/** A `data:` URL from bare base64 and a media type, when the type is an allowed raster image or audio type. */
export function dataUrlFromBase64(data: string, mediaType: string | undefined, fallbackType: string): string {
  const type = (mediaType ?? fallbackType).toLowerCase().replace(/[^a-z0-9/+.-]/g, "");
  return `data:${type};base64,${data}`;
}
