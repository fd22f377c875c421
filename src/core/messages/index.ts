/**
 * Provider-agnostic message parsing for `$ai_input`, `$ai_output_choices` and `$ai_tools`.
 */
export { parseMessages, parseOutputMessages } from "./messageParse";
export { parseToolDefinitions } from "./messageTools";
export { normalizeMessageRole } from "./messageItem";
export type {
  AudioPart,
  FilePart,
  ImagePart,
  JsonPart,
  Message,
  MessagePart,
  MessagePartKind,
  MessageRole,
  ParsedMessage,
  ParseMessagesOptions,
  ReasoningPart,
  TextPart,
  ToolCallPart,
  ToolDefinition,
  ToolResultPart,
  UnparsedMessage,
} from "./messageTypes";
