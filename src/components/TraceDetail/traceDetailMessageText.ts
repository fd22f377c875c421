/** Plain-text forms of messages (for Copy, previews and search opening). */
import { cutAtGrapheme, markdownPreview } from "../../core/markdownPreview";
import type { Message, MessagePart } from "../../core/messages";
import { safeStringify } from "../ui/jsonViewModel";
import { mediaLabel } from "./traceDetailMediaText";

const MAX_DEPTH = 8;

export function partText(part: MessagePart, depth = 0): string {
  switch (part.kind) {
    case "text":
      return part.text;
    case "reasoning":
      return part.redacted ? "[reasoning redacted]" : part.text;
    case "tool-call":
      return `${part.name}(${part.rawArguments})`;
    case "tool-result":
      return depth >= MAX_DEPTH ? "[tool result]" : part.content.map((inner) => partText(inner, depth + 1)).join("\n");
    case "image":
    case "video":
      return mediaLabel(part);
    case "file":
      return part.text ?? mediaLabel(part);
    case "audio":
      return part.transcript ?? mediaLabel(part);
    case "source":
      return `[source: ${part.title ?? part.url ?? part.id ?? ""}]`;
    case "json":
      return safeStringify(part.value);
  }
}

export function messageText(message: Message): string {
  if (message.kind === "unparsed") return safeStringify(message.raw);
  return message.parts.map((part) => partText(part)).join("\n\n");
}

/** A message on one line, for a collapsed card: its text parts as the words they render as (markdown stripped). */
export function messagePreview(message: Message, max = 160): string {
  const parts = message.kind === "unparsed" ? [] : message.parts;
  let text = message.kind === "unparsed" ? messageText(message).slice(0, max * 4) : "";
  for (const part of parts) {
    if (text.length > max) break;
    const markdown = part.kind === "text" || (part.kind === "reasoning" && !part.redacted);
    text = `${text} ${markdown ? markdownPreview(part.text, max + 1) : partText(part).slice(0, max * 4)}`;
  }
  return cutAtGrapheme(text.replace(/\s+/g, " ").trim(), max);
}

/** Whether a message contains the (lower-cased) query; looks at no more than the first 2 MB. */
export function messageMatches(message: Message, query: string): boolean {
  if (!query) return false;
  const text = messageText(message);
  return (text.length > 2_000_000 ? text.slice(0, 2_000_000) : text).toLowerCase().includes(query);
}
