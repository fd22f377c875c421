/**
 * Message content to text: plain strings, content-block lists (OpenAI, Anthropic, Vercel AI,
 * LangChain) and tool-call signatures, with PostHog's repr fallbacks.
 */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyJsonLoads, type PyJsonFailure } from "../python/pyJsonLoads";
import { pyRepr, pyStr } from "../python/pyRepr";
import { pyCutWithEllipsis, pySlice } from "../python/pyText";
import { pyUpper } from "../python/pyUnicode";
import {
  checkPyDepth,
  isPyDict,
  PyError,
  pyGet,
  pyGetOr,
  pyHas,
  pyItems,
  pyOr,
  pyTruthy,
  type PyDictLike,
} from "../python/pyValue";
import { memoSignature } from "./textReprMemo";
import { MAX_UNPARSED_DISPLAY_LENGTH } from "./textReprTypes";

/** Block types whose text is shown without a `[TYPE]` label. */
export const PLAIN_TEXT_TYPES: ReadonlySet<string> = new Set([
  "text",
  "input_text",
  "output_text",
  "summary_text",
]);

const TOOL_BLOCK_TYPES: ReadonlySet<string> = new Set(["tool-call", "tool_use", "function"]);

/** `json.loads(text)` where PostHog catches only some failures: anything else escapes as it would. */
export function loadsCatching(text: string, caught: readonly PyJsonFailure[]): unknown {
  const parsed = pyJsonLoads(text);
  if (parsed.ok) return parsed.value;
  const error = parsed.error ?? "JSONDecodeError";
  if (caught.includes(error)) return undefined;
  throw new PyError(error === "RecursionError" ? "RecursionError" : "ValueError", `json.loads failed (${error})`);
}

/**
 * `name(k=<json>, …)` for a tool call. A str argument is JSON-parsed first and used when it
 * is a non-empty object; any other truthy argument is printed as Python would (`str`).
 */
export function formatToolSignature(name: unknown, args: unknown): string {
  if (typeof name !== "string" || typeof args !== "string") return renderSignature(name, args);
  return memoSignature(name, args, renderSignature);
}

function renderSignature(name: unknown, args: unknown): string {
  const label = pyStr(name);
  let kwargs: PyDictLike | null = null;
  if (typeof args === "string" && args !== "") {
    const parsed = loadsCatching(args, ["JSONDecodeError"]);
    if (isPyDict(parsed) && pyTruthy(parsed)) kwargs = parsed;
  } else if (isPyDict(args) && pyTruthy(args)) {
    kwargs = args;
  }
  if (kwargs !== null) {
    let parts = "";
    for (const [k, v] of pyItems(kwargs)) parts += `${parts === "" ? "" : ", "}${pyStr(k)}=${pyJsonDumps(v)}`;
    return `${label}(${parts})`;
  }
  return pyTruthy(args) ? `${label}(${pyStr(args)})` : `${label}()`;
}

/** `[TYPE]` for a labelled block; `.upper()` and the set lookup fail for a non-str type, as in Python. */
function blockLabel(type: unknown): string | null {
  if (!pyTruthy(type)) return null;
  if (typeof type !== "string") throw new PyError("TypeError", "block type is not a str");
  return PLAIN_TEXT_TYPES.has(type) ? null : `[${pyUpper(type)}]`;
}

function extractText(content: unknown, depth: number): string {
  if (typeof content === "string") return content;
  if (isPyDict(content)) {
    if (pyHas(content, "text")) return pyStr(pyGet(content, "text"));
    if (pyHas(content, "content")) return safeExtractText(pyGet(content, "content"), depth + 1);
    return pyJsonDumps(content);
  }
  if (Array.isArray(content)) {
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
    if (parts.length > 0) return parts.join("\n");
  }
  // Nothing readable: the value's repr, cut to 500 code points with "...".
  return pyCutWithEllipsis(pyRepr(content), MAX_UNPARSED_DISPLAY_LENGTH);
}

/**
 * PostHog's `safe_extract_text`: the text of a str, a dict (`text`, else `content`, else its JSON)
 * or a list of blocks, else the value's repr. It catches its own failures (a non-str block type),
 * answering the repr of the value it was given, cut to 500 with no "...".
 */
export function safeExtractText(content: unknown, depth = 0): string {
  checkPyDepth(depth);
  try {
    return extractText(content, depth);
  } catch (e) {
    if (!(e instanceof PyError) || e.kind === "RecursionError") throw e;
    return pySlice(pyRepr(content), 0, MAX_UNPARSED_DISPLAY_LENGTH);
  }
}

/** True for a block PostHog renders inline as a tool call; a list or dict `type` fails the set lookup. */
function isToolBlock(block: unknown): boolean {
  if (!isPyDict(block)) return false;
  const type = pyGet(block, "type");
  if (Array.isArray(type) || isPyDict(type)) throw new PyError("TypeError", "unhashable type");
  if (typeof type === "string" && TOOL_BLOCK_TYPES.has(type)) return true;
  const inner = pyGet(block, "content");
  return isPyDict(inner) && pyHas(inner, "toolName");
}

/** PostHog's `_format_special_block` for one dict block; null when it renders nothing. */
export function renderToolBlock(block: PyDictLike): string | null {
  const type = pyGet(block, "type");
  if (type === "tool-call") {
    return formatToolSignature(pyGetOr(block, "toolName", "unknown"), pyGetOr(block, "input", {}));
  }
  if (type === "tool_use") {
    let input = pyGetOr(block, "input", {});
    if (!pyTruthy(input) && pyHas(block, "partial_json")) {
      const partial = pyGet(block, "partial_json");
      if (typeof partial !== "string") throw new PyError("TypeError", "the JSON object must be str");
      const parsed = loadsCatching(partial, ["JSONDecodeError", "ValueError"]);
      if (parsed !== undefined) input = parsed;
    }
    return formatToolSignature(pyGetOr(block, "name", "unknown"), input);
  }
  if (type === "function") return null;
  const inner = pyGet(block, "content");
  if (isPyDict(inner) && pyHas(inner, "toolName")) {
    return formatToolSignature(pyGetOr(inner, "toolName", "unknown"), pyGetOr(inner, "args", ""));
  }
  if (isPyDict(inner) && pyHas(inner, "result")) {
    return `[Tool result: ${pyStr(pyGetOr(inner, "toolName", "unknown"))}]`;
  }
  return safeExtractText(block);
}

/**
 * PostHog's `extract_text_content`: a list holding tool blocks renders them inline (dict blocks
 * that render something, and every str item, joined by blank lines); anything else goes through
 * `safe_extract_text`.
 */
export function extractTextContent(content: unknown): string {
  if (Array.isArray(content) && content.some(isToolBlock)) {
    const parts: string[] = [];
    for (const block of content) {
      if (isPyDict(block)) {
        const rendered = renderToolBlock(block);
        if (rendered) parts.push(rendered);
      } else if (typeof block === "string") {
        parts.push(block);
      }
    }
    if (parts.length > 0) return parts.join("\n\n");
  }
  return safeExtractText(content);
}
