/**
 * Image, audio, video and file parts from OpenAI, Anthropic, Vercel, Gemini, LangChain and OTel
 * spellings. Every recorded source goes through `setMediaSource`, so SDK placeholders turn into
 * an `omitted` notice instead of a broken address.
 */
import { isPropertyBag, readString } from "../eventsAccess";
import { mediaKindOf, newMediaPart, setMediaSource, setMediaType, type MediaKind } from "./messageMediaSource";
import type { AudioPart, FilePart, ImagePart, MediaPart, MessagePart } from "./messageTypes";

export { dataUrlMediaType } from "./messageMediaSource";

function assign<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (typeof value === "string" && value !== "") (target as Record<keyof T, unknown>)[key] = value;
}

/** An image from a URL-ish value: a string, `{url}` (OpenAI image_url) or a URL object. */
export function imageFromUrl(value: unknown, detail?: unknown): ImagePart {
  const part: ImagePart = { kind: "image" };
  const url = typeof value === "string" ? value : isPropertyBag(value) ? (readString(value.url) ?? readString(value.href)) : null;
  setMediaSource(part, url);
  if (isPropertyBag(value)) assign(part, "detail", value.detail);
  assign(part, "detail", detail);
  return part;
}

/** Anthropic `source` objects: base64, url, file, text and content sources. */
export function fromAnthropicSource(kind: "image" | "file", source: unknown): ImagePart | FilePart {
  const part: ImagePart | FilePart = kind === "image" ? { kind: "image" } : { kind: "file" };
  if (!isPropertyBag(source)) return part;
  setMediaType(part, source.media_type);
  if (source.type === "url") setMediaSource(part, source.url);
  else if (source.type === "file") assign(part, "fileId", source.file_id);
  else if (source.type === "text" && part.kind === "file") assign(part, "text", source.data);
  else setMediaSource(part, source.data);
  return part;
}

/** Gemini `inline_data` / `file_data` objects (either spelling). Returns whether one was found. */
function applyGeminiData(part: MediaPart, block: Record<string, unknown>): boolean {
  const inline = block.inline_data ?? block.inlineData;
  if (isPropertyBag(inline)) {
    setMediaType(part, inline.mime_type ?? inline.mimeType);
    setMediaSource(part, inline.data);
    return true;
  }
  const file = block.file_data ?? block.fileData;
  if (isPropertyBag(file)) {
    setMediaType(part, file.mime_type ?? file.mimeType);
    setMediaSource(part, file.file_uri ?? file.fileUri);
    return true;
  }
  return false;
}

const MEDIA_TYPE_KEYS = ["mediaType", "mimeType", "mime_type", "media_type", "contentType"] as const;
const SOURCE_KEYS = ["image", "image_url", "file", "data", "url", "uri", "file_uri", "base64"] as const;

function declaredMediaType(block: Record<string, unknown>): string | undefined {
  for (const key of MEDIA_TYPE_KEYS) {
    const value = block[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/**
 * A typed media block in any spelling: Gemini typed parts (`{type: "image", inline_data}`),
 * Vercel (`{type: "image", image}`, `{type: "file", file|data, mediaType}`), LangChain v0.3
 * (`{type: "image", source_type, data, mime_type}`, `{type: "media", …}`), OTel (`{type: "blob"|"uri"}`)
 * and output images. `kind` is the declared kind; `file`/`media` blocks take the kind their
 * media type says, so a Vercel file with `image/jpeg` renders as an image.
 */
export function mediaFromBlock(declared: MediaKind, block: Record<string, unknown>): MediaPart {
  const mediaType = declaredMediaType(block);
  const kind = declared === "file" ? mediaKindOf(mediaType, "file") : declared;
  const part = newMediaPart(kind);
  if (mediaType) part.mediaType = mediaType;
  if (!applyGeminiData(part, block)) {
    if (isPropertyBag(block.source)) {
      const source = block.source;
      setMediaType(part, source.media_type);
      if (source.type === "url") setMediaSource(part, source.url);
      else if (source.type === "file") assign(part, "fileId", source.file_id);
      else setMediaSource(part, source.data);
    } else {
      // Older Vercel items nest the image: `{type: "image", content: {image}}`.
      const holder = isPropertyBag(block.content) ? { ...block.content, ...block } : block;
      for (const key of SOURCE_KEYS) {
        const value = holder[key];
        const text = typeof value === "string" ? value : isPropertyBag(value) ? (readString(value.url) ?? readString(value.href)) : null;
        if (text) {
          setMediaSource(part, text);
          break;
        }
      }
    }
  }
  assign(part, "fileId", block.file_id ?? block.fileId);
  if (part.kind === "file") assign(part, "filename", block.filename ?? block.name ?? block.title);
  if (part.kind === "image") assign(part, "detail", block.detail);
  if (part.kind === "audio") {
    assign(part, "format", block.format);
    assign(part, "transcript", block.transcript);
  }
  return part;
}

/** Picks image, audio, video or file from a MIME type or an OTel `modality`. */
export function mediaPart(mimeOrModality: string | null, source: { data?: unknown; url?: unknown }): MessagePart {
  const part = newMediaPart(mediaKindOf(mimeOrModality, "file"));
  if (mimeOrModality && mimeOrModality.includes("/")) part.mediaType = mimeOrModality;
  setMediaSource(part, source.data);
  setMediaSource(part, source.url);
  return part;
}

/** OpenAI chat `input_audio` / output `audio` objects, and `{type: "audio", mime_type, data}` blocks. */
export function audioFrom(value: unknown): AudioPart {
  const part: AudioPart = { kind: "audio" };
  if (!isPropertyBag(value)) return part;
  setMediaType(part, declaredMediaType(value));
  if (!applyGeminiData(part, value)) {
    setMediaSource(part, value.data);
    setMediaSource(part, value.url);
  }
  assign(part, "format", value.format);
  assign(part, "transcript", value.transcript);
  assign(part, "id", value.id);
  return part;
}

/** OpenAI chat `file` (`{file: {file_data, file_id, filename}}`) and Responses `input_file`. */
export function openAiFile(value: unknown): FilePart {
  const part: FilePart = { kind: "file" };
  if (!isPropertyBag(value)) return part;
  setMediaSource(part, value.file_data);
  setMediaSource(part, value.file_url);
  assign(part, "fileId", value.file_id);
  assign(part, "filename", value.filename);
  return part;
}
