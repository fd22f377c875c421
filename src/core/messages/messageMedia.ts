/**
 * Image, audio and file parts from OpenAI, Anthropic, Vercel, Gemini and OTel spellings.
 */
import { isPropertyBag, readString } from "../eventsAccess";
import type { AudioPart, FilePart, ImagePart, MessagePart } from "./messageTypes";

/** `data:image/png;base64,...` → `image/png`. */
export function dataUrlMediaType(url: string): string | undefined {
  if (!url.startsWith("data:")) return undefined;
  const end = url.indexOf(";");
  const comma = url.indexOf(",");
  const stop = end > 0 && (comma < 0 || end < comma) ? end : comma;
  return stop > 5 ? url.slice(5, stop) : undefined;
}

function assign<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (typeof value === "string" && value !== "") (target as Record<keyof T, unknown>)[key] = value;
}

/** An image from a URL-ish value: a string, `{url}` (OpenAI image_url) or a URL object. */
export function imageFromUrl(value: unknown, detail?: unknown): ImagePart {
  const part: ImagePart = { kind: "image" };
  const url = typeof value === "string" ? value : isPropertyBag(value) ? (readString(value.url) ?? readString(value.href)) : null;
  if (url) {
    part.url = url;
    const mediaType = dataUrlMediaType(url);
    if (mediaType) part.mediaType = mediaType;
  }
  if (isPropertyBag(value)) assign(part, "detail", value.detail);
  assign(part, "detail", detail);
  return part;
}

/** Anthropic `source` objects: base64, url, file, text and content sources. */
export function fromAnthropicSource(kind: "image" | "file", source: unknown): ImagePart | FilePart {
  const part: ImagePart | FilePart = kind === "image" ? { kind: "image" } : { kind: "file" };
  if (!isPropertyBag(source)) return part;
  assign(part, "mediaType", source.media_type);
  if (source.type === "url") assign(part, "url", source.url);
  else if (source.type === "file") assign(part, "fileId", source.file_id);
  else if (source.type === "text" && part.kind === "file") assign(part, "text", source.data);
  else assign(part, "data", source.data);
  return part;
}

/** Vercel AI SDK `image` / `file` parts: `image`/`data` may be a URL, a data URL or base64. */
export function fromVercelData(kind: "image" | "file", data: unknown, mediaType: unknown, filename?: unknown): ImagePart | FilePart {
  const part: ImagePart | FilePart = kind === "image" ? { kind: "image" } : { kind: "file" };
  const text = typeof data === "string" ? data : isPropertyBag(data) ? readString(data.href) : null;
  if (text) {
    if (/^(https?:|data:|gs:|s3:)/i.test(text)) part.url = text;
    else part.data = text;
    const fromUrl = dataUrlMediaType(text);
    if (fromUrl) part.mediaType = fromUrl;
  }
  assign(part, "mediaType", mediaType);
  if (part.kind === "file") assign(part, "filename", filename);
  return part;
}

/** Picks image, audio or file from a MIME type or an OTel `modality`. */
export function mediaPart(mimeOrModality: string | null, source: { data?: unknown; url?: unknown; fileId?: unknown; filename?: unknown }): MessagePart {
  const hint = (mimeOrModality ?? "").toLowerCase();
  const part: ImagePart | AudioPart | FilePart = hint.startsWith("image")
    ? { kind: "image" }
    : hint.startsWith("audio")
      ? { kind: "audio" }
      : { kind: "file" };
  if (mimeOrModality && mimeOrModality.includes("/")) part.mediaType = mimeOrModality;
  assign(part, "data", source.data);
  assign(part, "url", source.url);
  if (part.kind !== "audio") assign(part, "fileId", source.fileId);
  if (part.kind === "file") assign(part, "filename", source.filename);
  return part;
}

/** OpenAI chat `input_audio` / output `audio` objects. */
export function audioFrom(value: unknown): AudioPart {
  const part: AudioPart = { kind: "audio" };
  if (!isPropertyBag(value)) return part;
  assign(part, "data", value.data);
  assign(part, "url", value.url);
  assign(part, "format", value.format);
  assign(part, "transcript", value.transcript);
  assign(part, "id", value.id);
  return part;
}

/** OpenAI chat `file` (`{file: {file_data, file_id, filename}}`) and Responses `input_file`. */
export function openAiFile(value: unknown): FilePart {
  const part: FilePart = { kind: "file" };
  if (!isPropertyBag(value)) return part;
  const data = readString(value.file_data);
  if (data) {
    if (data.startsWith("data:")) {
      part.url = data;
      const mediaType = dataUrlMediaType(data);
      if (mediaType) part.mediaType = mediaType;
    } else part.data = data;
  }
  assign(part, "fileId", value.file_id);
  assign(part, "filename", value.filename);
  assign(part, "url", value.file_url);
  return part;
}
