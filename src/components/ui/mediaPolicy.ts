/**
 * The media policy: what a URL from trace data or model output may make the viewer's browser load.
 * A remote image that loads at once tells its server who looked, when and from where, and its URL
 * can carry conversation text a prompt injection put there; so remote media waits for the viewer's
 * click unless the host allows its origin. `data:` media never leaves the page and loads inline,
 * under a size cap. Pure: the components (MediaGate, PolicyImage) only draw its decisions.
 */

export type RemoteMediaMode = "ask" | "allow" | "block";

export interface MediaPolicyOptions {
  /**
   * Remote http(s) media from origins outside `allowOrigins`: "ask" waits for a click naming the host,
   * "allow" loads at once, "block" never loads (the host is still named). @default "ask"
   */
  remote?: RemoteMediaMode;
  /** Origins (`https://cdn.example.com`, port included where not the default) whose media loads at once. */
  allowOrigins?: readonly string[];
  /** Longest `data:` URL shown inline, in characters. @default MEDIA_DATA_URL_MAX_CHARS */
  maxDataUrlChars?: number;
}

/** `"ask"` (the default), `"allow"`, `"block"`, or options with an origin allowlist. */
export type MediaPolicy = RemoteMediaMode | MediaPolicyOptions;

export const DEFAULT_MEDIA_POLICY: MediaPolicy = "ask";

/** Longest `data:` URL shown inline, in characters (about 1.5 MB of media). */
export const MEDIA_DATA_URL_MAX_CHARS = 2_000_000;

/** Longest remote URL considered; longer ones are refused (no real media URL is this long). */
const MAX_URL_CHARS = 8192;

export type MediaKind = "image" | "audio" | "video";

export type MediaDecision =
  | { action: "load"; url: string; remote: boolean }
  /** Remote media waiting for the viewer: `host` is what the button names. */
  | { action: "ask"; url: string; host: string }
  | { action: "refuse"; reason: "not-allowed" | "too-large" | "remote-off"; host?: string; chars?: number };

// Raster images only: an SVG can reference further URLs, and none of these types can.
const DATA_TYPES: Record<MediaKind, RegExp> = {
  image: /^data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]*$/i,
  audio: /^data:audio\/(wav|x-wav|wave|mpeg|mp3|ogg|webm|flac|aac|mp4|x-m4a);base64,[a-z0-9+/=\s]*$/i,
  video: /^data:video\/(mp4|webm|ogg|quicktime);base64,[a-z0-9+/=\s]*$/i,
};

function optionsOf(policy: MediaPolicy | undefined): Required<MediaPolicyOptions> {
  if (policy === "allow" || policy === "block" || policy === "ask") {
    return { remote: policy, allowOrigins: [], maxDataUrlChars: MEDIA_DATA_URL_MAX_CHARS };
  }
  const given = policy !== null && typeof policy === "object" ? policy : {};
  const remote = given.remote === "allow" || given.remote === "block" ? given.remote : "ask";
  const max = typeof given.maxDataUrlChars === "number" && given.maxDataUrlChars >= 0 ? given.maxDataUrlChars : MEDIA_DATA_URL_MAX_CHARS;
  return { remote, allowOrigins: Array.isArray(given.allowOrigins) ? given.allowOrigins : [], maxDataUrlChars: max };
}

/** `https://a.example:8443/x` → `https://a.example:8443`; anything unparsable → null. */
export function originOf(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL in canonical form, or null (relative, other schemes, unparsable, too long). */
export function httpUrl(raw: string): URL | null {
  if (raw.length > MAX_URL_CHARS) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** What may happen to one media URL under `policy`. Never throws, whatever it is given. */
export function decideMedia(raw: unknown, kind: MediaKind, policy?: MediaPolicy): MediaDecision {
  if (typeof raw !== "string") return { action: "refuse", reason: "not-allowed" };
  const options = optionsOf(policy);
  const trimmed = raw.trim();
  if (/^data:/i.test(trimmed)) {
    if (trimmed.length > options.maxDataUrlChars) return { action: "refuse", reason: "too-large", chars: trimmed.length };
    // Anchored, one character class after a fixed prefix: linear on any input.
    return DATA_TYPES[kind].test(trimmed) ? { action: "load", url: trimmed, remote: false } : { action: "refuse", reason: "not-allowed" };
  }
  const url = httpUrl(trimmed);
  if (!url) return { action: "refuse", reason: "not-allowed" };
  // The host as URL writes it: internationalized names in their punycode form, so a look-alike shows.
  const host = url.host;
  if (options.remote === "allow") return { action: "load", url: url.href, remote: true };
  const allowed = options.allowOrigins.some((origin) => originOf(origin) === url.origin);
  if (allowed) return { action: "load", url: url.href, remote: true };
  if (options.remote === "block") return { action: "refuse", reason: "remote-off", host };
  return { action: "ask", url: url.href, host };
}
