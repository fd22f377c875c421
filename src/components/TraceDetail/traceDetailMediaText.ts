/** Words and sizes for media parts (shared by the conversation, copy text and previews). */
import type { MediaOmission, MediaPart } from "../../core/messages";
import { formatSize } from "../ui/jsonViewModel";

/** Decoded size of inline base64 (a `data:` URL or bare `data`), or null when nothing is inline. */
export function inlineBytes(part: MediaPart): number | null {
  const inline = part.data ?? (part.url && /^data:/i.test(part.url) ? part.url.slice(part.url.indexOf(",") + 1) : undefined);
  if (inline === undefined) return null;
  const compact = inline.replace(/\s+/g, "");
  const padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((compact.length * 3) / 4) - padding);
}

function facts(omission: MediaOmission, mediaType: string | undefined): string {
  const type = omission.mediaType ?? mediaType;
  const list = [type, omission.sizeBytes !== undefined ? formatSize(omission.sizeBytes) : null].filter(Boolean);
  return list.length > 0 ? ` (${list.join(", ")})` : "";
}

/** "Image redacted by the SDK (image/png)", "File not captured: …", "Image stored in PostHog's blob store …". */
export function omissionText(noun: string, omission: MediaOmission, mediaType?: string): string {
  const detail = facts(omission, mediaType);
  switch (omission.reason) {
    case "redacted":
      return `${noun} redacted by the SDK${detail}: the event holds the placeholder "${omission.placeholder}", not the content.`;
    case "offloaded":
      return `${noun} stored outside the event in PostHog's media storage${detail}; it cannot be loaded here.`;
    default:
      return `${noun} not captured by the SDK${detail}: the event only holds "${omission.placeholder}".`;
  }
}

/** One-line label for copy text and table previews: "[image redacted]", "[video: https://…]". */
export function mediaLabel(part: MediaPart): string {
  const kind = part.kind;
  if (part.omitted) {
    const state = part.omitted.reason === "redacted" ? "redacted" : part.omitted.reason === "offloaded" ? "stored elsewhere" : "not captured";
    return kind === "file" && part.filename ? `[file: ${part.filename}, ${state}]` : `[${kind} ${state}]`;
  }
  if (kind === "file" && part.filename) return `[file: ${part.filename}]`;
  if (part.url && !/^data:/i.test(part.url)) return `[${kind}: ${part.url.length > 120 ? `${part.url.slice(0, 120)}…` : part.url}]`;
  return `[${kind}]`;
}
