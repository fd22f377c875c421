/**
 * PostHog-LLM message values → OpenAI-style `{role, content}` lists, so the `$ai_*` components
 * read them like any other generation.
 */
import { isPropertyBag } from "./eventsAccess";

/** PostHog-LLM demo data says `agent`; other exports say `bot`, `human`, `ai`. */
const ROLE_MAP: Record<string, string> = {
  agent: "assistant",
  bot: "assistant",
  ai: "assistant",
  model: "assistant",
  assistant: "assistant",
  human: "user",
  user: "user",
  system: "system",
  tool: "tool",
  function: "tool",
};

function mapRole(role: unknown, fallback: string): string {
  if (typeof role !== "string" || role === "") return fallback;
  return ROLE_MAP[role.toLowerCase()] ?? role;
}

const IM_START = "<|im_start|>";
const IM_END = "<|im_end|>";

/**
 * Parses the ChatML token format (`<|im_start|>role\ncontent<|im_end|>`). Returns `null` when
 * the string is not ChatML. A trailing open turn (a prompt ending in `<|im_start|>assistant`)
 * with no content is dropped.
 */
export function parseChatMlString(text: string): Array<{ role: string; content: string }> | null {
  if (!text.includes(IM_START)) return null;
  const messages: Array<{ role: string; content: string }> = [];
  let cursor = text.indexOf(IM_START);
  while (cursor >= 0) {
    const bodyStart = cursor + IM_START.length;
    const next = text.indexOf(IM_START, bodyStart);
    const endMark = text.indexOf(IM_END, bodyStart);
    const stop = endMark >= 0 && (next < 0 || endMark < next) ? endMark : next >= 0 ? next : text.length;
    const body = text.slice(bodyStart, stop);
    const newline = body.indexOf("\n");
    const role = (newline >= 0 ? body.slice(0, newline) : body).trim();
    const content = newline >= 0 ? body.slice(newline + 1) : "";
    if (role !== "" && !(content.trim() === "" && next < 0 && endMark < 0)) {
      messages.push({ role: mapRole(role, role), content: content.replace(/\n$/, "") });
    }
    cursor = next;
  }
  return messages;
}

function normalizeEntry(entry: unknown, fallbackRole: string): unknown {
  if (typeof entry === "string") return { role: fallbackRole, content: entry };
  if (!isPropertyBag(entry)) return entry;
  if (entry.role === undefined && entry.type === undefined && entry.content === undefined && typeof entry.text === "string") {
    return { role: fallbackRole, content: entry.text };
  }
  if (entry.role === undefined) return entry;
  return { ...entry, role: mapRole(entry.role, fallbackRole) };
}

/**
 * `$llm_input` / `$llm_output` → a message list. Strings become one message of `fallbackRole`
 * (or the turns of a ChatML string); lists and single dicts keep their keys with the role
 * mapped. `null`/`undefined` → `undefined`; other values are returned unchanged.
 */
export function posthogLlmMessages(value: unknown, fallbackRole: "user" | "assistant"): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    const chatMl = parseChatMlString(value);
    return chatMl && chatMl.length > 0 ? chatMl : [{ role: fallbackRole, content: value }];
  }
  if (Array.isArray(value)) return value.map((entry) => normalizeEntry(entry, fallbackRole));
  if (isPropertyBag(value)) return [normalizeEntry(value, fallbackRole)];
  return value;
}
