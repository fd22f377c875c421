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

/** An image given by URL (http or `data:`), by base64 `data`, or by provider file id. */
export interface ImagePart {
  kind: "image";
  url?: string;
  /** Base64 without a data-URL prefix. */
  data?: string;
  mediaType?: string;
  fileId?: string;
  detail?: string;
}

/** A document or file attachment. */
export interface FilePart {
  kind: "file";
  url?: string;
  data?: string;
  mediaType?: string;
  filename?: string;
  fileId?: string;
  /** Inline text documents (Anthropic `source.type: "text"`). */
  text?: string;
}

/** Audio input or output. */
export interface AudioPart {
  kind: "audio";
  url?: string;
  data?: string;
  /** e.g. `wav`, `mp3` (OpenAI `input_audio.format`). */
  format?: string;
  mediaType?: string;
  transcript?: string;
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
}

export type MessagePart = TextPart | ImagePart | FilePart | AudioPart | ToolCallPart | ToolResultPart | ReasoningPart | JsonPart;

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
