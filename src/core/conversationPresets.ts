/**
 * The trace page's display presets (PostHog's "Display option"), as which messages of a
 * conversation start open:
 * - `expand-all`: every input and output message;
 * - `user-only` ("Expand user only"): input messages with role `user` only; outputs closed;
 * - `collapse-except-output-and-last-input` (the default): the last input message and every output;
 * - `text` ("Text view"): the text representation replaces the conversation; where a conversation
 *   is still shown (the text view failed to load), everything is open, as PostHog falls back to
 *   "Expand all".
 */
import type { Message } from "./messages";

export type ConversationPreset = "expand-all" | "user-only" | "collapse-except-output-and-last-input" | "text";

/** The presets in menu order, with PostHog's labels. */
export const CONVERSATION_PRESETS: ReadonlyArray<{ preset: ConversationPreset; label: string }> = [
  { preset: "expand-all", label: "Expand all" },
  { preset: "user-only", label: "Expand user only" },
  { preset: "collapse-except-output-and-last-input", label: "Collapse except output and last input" },
  { preset: "text", label: "Text view" },
];

export const DEFAULT_CONVERSATION_PRESET: ConversationPreset = "collapse-except-output-and-last-input";

/** A stored or URL value as a preset; anything else gives the default. */
export function readConversationPreset(value: unknown): ConversationPreset {
  return CONVERSATION_PRESETS.some((entry) => entry.preset === value) ? (value as ConversationPreset) : DEFAULT_CONVERSATION_PRESET;
}

/** Whether the message at `index` of a section starts open under `preset`. */
export function isMessageOpen(preset: ConversationPreset, section: "input" | "output", index: number, messages: readonly Message[]): boolean {
  const message = messages[index];
  if (!message) return false;
  switch (preset) {
    case "expand-all":
    case "text":
      return true;
    case "user-only":
      return section === "input" && message.kind === "message" && message.role === "user";
    case "collapse-except-output-and-last-input":
      return section === "output" || index === messages.length - 1;
  }
}

/** Open flags for every input and output message under `preset` (same order as the lists). */
export function conversationOpenState(preset: ConversationPreset, input: readonly Message[], output: readonly Message[]): { input: boolean[]; output: boolean[] } {
  return {
    input: input.map((_, i) => isMessageOpen(preset, "input", i, input)),
    output: output.map((_, i) => isMessageOpen(preset, "output", i, output)),
  };
}

/** Whether `preset` shows the text representation instead of the conversation. */
export function presetShowsText(preset: ConversationPreset): boolean {
  return preset === "text";
}
