/**
 * One message model for every provider shape found in `$ai_input` / `$ai_output_choices`.
 */

/** Normalized role. Provider aliases are folded (human → user, ai/model → assistant, function → tool). */
export type MessageRole = "system" | "developer" | "user" | "assistant" | "tool" | "unknown" | (string & {});

/** Plain text (chat text, input_text, output_text, refusals, OTel text parts). */
export interface TextPart {
  kind: "text";
  text: string;
}

/**
 * Why a media part carries no playable content. SDKs replace inline base64 with a placeholder
 * (`[base64 image redacted]`), keep only a description (`[image/png file - 2048 bytes]`), or move
 * the bytes to PostHog's blob store (`phaiblob://…`).
 */
export interface MediaOmission {
  /** `redacted`: an SDK placeholder replaced the bytes; `offloaded`: stored elsewhere by PostHog; `not-captured`: only a description was recorded. */
  reason: "redacted" | "offloaded" | "not-captured";
  /** Size in bytes when the event says it. */
  sizeBytes?: number;
  /** Media type named by the placeholder, when it names one. */
  mediaType?: string;
  /** The placeholder as recorded. */
  placeholder: string;
}

/** Fields every media part shares. */
interface MediaFields {
  url?: string;
  /** Base64 without a data-URL prefix. */
  data?: string;
  mediaType?: string;
  fileId?: string;
  /** Set when the event holds a placeholder instead of the content. */
  omitted?: MediaOmission;
}

/** An image given by URL (http or `data:`), by base64 `data`, or by provider file id. */
export interface ImagePart extends MediaFields {
  kind: "image";
  detail?: string;
}

/** A video (Gemini `video/*` parts and `file_data` URIs). */
export interface VideoPart extends MediaFields {
  kind: "video";
}

/** A document or file attachment. */
export interface FilePart extends MediaFields {
  kind: "file";
  filename?: string;
  /** Inline text documents (Anthropic `source.type: "text"`). */
  text?: string;
}

/** Audio input or output. */
export interface AudioPart extends MediaFields {
  kind: "audio";
  /** e.g. `wav`, `mp3` (OpenAI `input_audio.format`). */
  format?: string;
  transcript?: string;
  id?: string;
}

/** A cited source (Vercel AI SDK `source` parts). */
export interface SourcePart {
  kind: "source";
  url?: string;
  title?: string;
  id?: string;
}

/** A tool (function) call requested by the model. */
export interface ToolCallPart {
  kind: "tool-call";
  id?: string;
  name: string;
  /** Parsed arguments: the JSON value when `rawArguments` parses, else the raw value as given. */
  arguments: unknown;
  /** Arguments as a string: the provider's own string, or JSON of an object. */
  rawArguments: string;
}

/** The result of a tool call, sent back to the model. */
export interface ToolResultPart {
  kind: "tool-result";
  toolCallId?: string;
  name?: string;
  content: MessagePart[];
  isError?: boolean;
}

/** Model reasoning (Anthropic thinking, Responses reasoning items, Gemini thoughts). */
export interface ReasoningPart {
  kind: "reasoning";
  text: string;
  /** True when only an encrypted or redacted payload was recorded. */
  redacted?: boolean;
  signature?: string;
}

/** Structured content with no better rendering (objects, unknown blocks, tool outputs). */
export interface JsonPart {
  kind: "json";
  value: unknown;
  /** What the value is, when known (e.g. "Structured output"). */
  label?: string;
  /** Why it is shown raw: set when the parser did not understand the block. */
  reason?: string;
}

export type MessagePart = TextPart | ImagePart | VideoPart | FilePart | AudioPart | SourcePart | ToolCallPart | ToolResultPart | ReasoningPart | JsonPart;

/** Parts that carry media. */
export type MediaPart = ImagePart | VideoPart | FilePart | AudioPart;

/** Kinds of {@link MessagePart}. */
export type MessagePartKind = MessagePart["kind"];

/** A recognised message. */
export interface ParsedMessage {
  kind: "message";
  role: MessageRole;
  parts: MessagePart[];
  /**
   * Position of the source item in the input array (0 for a string or a single object; -1 for
   * material outside the array such as Gemini `systemInstruction`). One source item can yield
   * several messages (e.g. Anthropic tool results); they all keep the same index.
   */
  index: number;
  /** Participant or tool name when the provider gives one. */
  name?: string;
}

/** A shape no parser recognises; `raw` keeps the original value for a JSON view. */
export interface UnparsedMessage {
  kind: "unparsed";
  role: "unknown";
  parts: [];
  index: number;
  raw: unknown;
  /** Why no parser took it, in words for the reader. */
  reason: string;
}

export type Message = ParsedMessage | UnparsedMessage;

/** Options of `parseMessages`. */
export interface ParseMessagesOptions {
  /** Role for plain strings and role-less content (default `"user"`; outputs use `"assistant"`). */
  defaultRole?: MessageRole;
}

/** A tool from `$ai_tools`. */
export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the parameters (OpenAI `parameters`, Anthropic `input_schema`, ...). */
  parameters?: unknown;
  /** The tool entry as given. */
  raw: unknown;
}
