/**
 * Message content to text: plain strings, content-block lists (OpenAI, Anthropic, Vercel AI,
 * LangChain) and tool-call signatures, with PostHog's repr fallbacks.
 */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyJsonLoads } from "../python/pyJsonLoads";
import { pyRepr, pyStr } from "../python/pyRepr";
import { pyCutWithEllipsis, pySlice } from "../python/pyText";
import { pyUpper } from "../python/pyUnicode";
import {
  checkPyDepth,
  isPyDict,
  PyError,
  pyGet,
  pyHas,
  pyItems,
  pyOr,
  pyTruthy,
  type PyDictLike,
} from "../python/pyValue";
import { MAX_UNPARSED_DISPLAY_LENGTH } from "./textReprTypes";

/** Block types whose text is shown without a `[TYPE]` label. */
export const PLAIN_TEXT_TYPES: ReadonlySet<string> = new Set([
  "text",
  "input_text",
  "output_text",
  "summary_text",
]);

const TOOL_BLOCK_TYPES: ReadonlySet<string> = new Set(["tool-call", "tool_use", "function"]);

/**
 * `name(k=<json>, …)` for a tool call. A str argument is JSON-parsed first and used when it
 * is a non-empty object; any other truthy argument is printed as Python would (`str`).
 */
export function formatToolSignature(name: unknown, args: unknown): string {
  const label = pyStr(name);
  let kwargs: PyDictLike | null = null;
  if (typeof args === "string") {
    const parsed = pyJsonLoads(args);
    if (parsed.ok && isPyDict(parsed.value) && pyTruthy(parsed.value)) kwargs = parsed.value;
  } else if (isPyDict(args) && pyTruthy(args)) {
    kwargs = args;
  }
  if (kwargs !== null) {
    const parts = pyItems(kwargs).map(([k, v]) => `${pyStr(k)}=${pyJsonDumps(v)}`);
    return `${label}(${parts.join(", ")})`;
  }
  return pyTruthy(args) ? `${label}(${pyStr(args)})` : `${label}()`;
}

function blockLabel(type: unknown): string | null {
  if (!pyTruthy(type)) return null;
  if (typeof type !== "string") throw new PyError("TypeError", "block type is not a str");
  return PLAIN_TEXT_TYPES.has(type) ? null : `[${pyUpper(type)}]`;
}

/** PostHog's `safe_extract_text`: the text of a str, dict or list of blocks ("" when none). */
export function safeExtractText(content: unknown, depth = 0): string {
  checkPyDepth(depth);
  if (typeof content === "string") return content;
  if (isPyDict(content)) {
    if (pyHas(content, "text")) return pyStr(pyGet(content, "text"));
    if (pyHas(content, "content")) return safeExtractText(pyGet(content, "content"), depth + 1);
    return pyJsonDumps(content);
  }
  if (!Array.isArray(content)) return "";
  const parts: string[] = [];
  content.forEach((item, i) => {
    if (isPyDict(item)) {
      const value = pyOr(pyGet(item, "text"), pyGet(item, "content"));
      if (!pyTruthy(value)) return;
      if (i > 0 && parts.length > 0) parts.push("");
      const label = blockLabel(pyGet(item, "type"));
      if (label !== null) parts.push(label, "");
      parts.push(pyStr(value));
    } else if (typeof item === "string") {
      if (i > 0 && parts.length > 0) parts.push("");
      parts.push(item);
    }
  });
  return parts.join("\n");
}

function isToolBlock(block: unknown): boolean {
  if (!isPyDict(block)) return false;
  const type = pyGet(block, "type");
  if (typeof type === "string" && TOOL_BLOCK_TYPES.has(type)) return true;
  const inner = pyGet(block, "content");
  return isPyDict(inner) && pyHas(inner, "toolName");
}

/** One block of a content list that holds tool blocks; null when it renders nothing. */
export function renderToolBlock(block: unknown): string | null {
  if (typeof block === "string") return block;
  if (!isPyDict(block)) return null;
  const type = pyGet(block, "type");
  if (type === "tool-call") {
    return formatToolSignature(pyOr(pyGet(block, "toolName"), "unknown"), pyOr(pyGet(block, "input"), {}));
  }
  if (type === "tool_use") {
    let input = pyGet(block, "input");
    const partial = pyGet(block, "partial_json");
    if (!pyTruthy(input) && typeof partial === "string") {
      const parsed = pyJsonLoads(partial);
      if (parsed.ok) input = parsed.value;
    }
    return formatToolSignature(pyOr(pyGet(block, "name"), "unknown"), input);
  }
  if (type === "function") return null;
  const inner = pyGet(block, "content");
  if (isPyDict(inner) && pyHas(inner, "toolName")) {
    return formatToolSignature(pyGet(inner, "toolName"), pyGet(inner, "args"));
  }
  if (isPyDict(inner) && pyHas(inner, "result")) {
    return `[Tool result: ${pyStr(pyOr(pyGet(inner, "toolName"), "unknown"))}]`;
  }
  return safeExtractText(block);
}

/**
 * PostHog's `extract_text_content`. When nothing can be extracted the content is shown as a
 * Python repr cut to 500 characters (with `...`); when extraction itself fails (a non-str block
 * type), the repr is cut with no `...`.
 */
export function extractTextContent(content: unknown): string {
  try {
    let text: string;
    if (Array.isArray(content) && content.some(isToolBlock)) {
      const parts: string[] = [];
      for (const block of content) {
        const rendered = renderToolBlock(block);
        if (rendered) parts.push(rendered);
      }
      text = parts.join("\n\n");
    } else {
      text = safeExtractText(content);
    }
    return text || pyCutWithEllipsis(pyRepr(content), MAX_UNPARSED_DISPLAY_LENGTH);
  } catch (e) {
    if (!(e instanceof PyError) || e.kind === "RecursionError") throw e;
    return pySlice(pyRepr(content), 0, MAX_UNPARSED_DISPLAY_LENGTH);
  }
}
