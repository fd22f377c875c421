/**
 * Provider-agnostic message parsing for `$ai_input`, `$ai_output_choices` and `$ai_tools`.
 */
export { parseMessages, parseOutputMessages } from "./messageParse";
export { parseToolDefinitions } from "./messageTools";
export { normalizeMessageRole } from "./messageItem";
export { mediaOmissionOf } from "./messageMediaSource";
export type {
  AudioPart,
  FilePart,
  ImagePart,
  JsonPart,
  MediaOmission,
  MediaPart,
  Message,
  MessagePart,
  MessagePartKind,
  MessageRole,
  ParsedMessage,
  ParseMessagesOptions,
  ReasoningPart,
  SourcePart,
  TextPart,
  ToolCallPart,
  ToolDefinition,
  ToolResultPart,
  UnparsedMessage,
  VideoPart,
} from "./messageTypes";
