/** OpenAI Responses API items (function calls, tool outputs, reasoning…) inside message lists. */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyFormatThousands } from "../python/pyNumber";
import { pyStr } from "../python/pyRepr";
import { pyLen } from "../python/pyText";
import {
  checkPyDepth,
  dictGet,
  isPyDict,
  PyDict,
  PyError,
  PyTuple,
  pyGet,
  pyHas,
  pyItems,
  pyOr,
  pyTruthy,
  type PyDictLike,
} from "../python/pyValue";
import {
  extractTextContent,
  formatToolSignature,
  PLAIN_TEXT_TYPES,
  renderToolBlock,
} from "./textReprContent";
import { formatTools } from "./textReprTools";
import { truncateContent } from "./textReprTruncate";
import { MAX_RESPONSES_FIELD_CHARS, type ResolvedTextReprOptions } from "./textReprTypes";

const HIDDEN_ITEM_FIELDS: ReadonlySet<string> = new Set([
  "type",
  "id",
  "call_id",
  "name",
  "arguments",
  "input",
  "status",
  "encrypted_content",
]);

function isUnhashable(v: unknown): boolean {
  return Array.isArray(v) || isPyDict(v);
}

/**
 * A Responses item: a dict with a truthy `type` (of any kind) that is not a plain text block, and
 * none of `role`, `content`, `tool_calls`. A list or dict `type` fails PostHog's set lookup.
 */
export function isResponsesItem(msg: unknown): boolean {
  if (!isPyDict(msg)) return false;
  const type = pyGet(msg, "type");
  if (!pyTruthy(type)) return false;
  if (isUnhashable(type)) throw new PyError("TypeError", "unhashable type");
  if (typeof type === "string" && PLAIN_TEXT_TYPES.has(type)) return false;
  return !pyHas(msg, "role") && !pyHas(msg, "content") && !pyHas(msg, "tool_calls");
}

/** The items of a Responses object (`{"object": "response", "output": [...]}`), or null. */
export function responsesOutputItems(value: unknown): unknown[] | null {
  if (!isPyDict(value) || pyGet(value, "object") !== "response") return null;
  const output = pyGet(value, "output");
  return Array.isArray(output) && output.length > 0 ? output : null;
}

/** Text of a tool output or reasoning payload; "" means "not recorded" (None, "", [] or {}). */
export function payloadText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if ((Array.isArray(value) || isPyDict(value)) && !pyTruthy(value)) return "";
  return extractTextContent(value); // 0 and False are real outputs
}

/** `name(args)` of a call item: `arguments` (even "" or {}) wins over the free-form `input`. */
function itemSignature(item: unknown): string {
  const name = pyStr(pyOr(pyGet(item, "name"), pyGet(item, "type"), "unknown"));
  const args = pyGet(item, "arguments");
  if (args !== undefined && args !== null) return formatToolSignature(name, args);
  return `${name}(${pyStr(pyOr(pyGet(item, "input"), ""))})`;
}

/** Replace every string longer than 2000 code points with `[n chars not shown]`. */
function capLongStrings(value: unknown, depth: number): unknown {
  checkPyDepth(depth);
  if (typeof value === "string") {
    const n = pyLen(value);
    return n > MAX_RESPONSES_FIELD_CHARS ? `[${pyFormatThousands(n)} chars not shown]` : value;
  }
  if (Array.isArray(value)) return value.map((v) => capLongStrings(v, depth + 1));
  if (value instanceof PyTuple) return new PyTuple(value.items.map((v) => capLongStrings(v, depth + 1)));
  if (isPyDict(value)) {
    const out = new PyDict();
    for (const [k, v] of pyItems(value)) out.set(k, capLongStrings(v, depth + 1));
    return out;
  }
  return value;
}

function renderGenericItem(item: unknown): string {
  let head = itemSignature(item);
  const status = pyGet(item, "status");
  if (pyTruthy(status)) head += ` (${pyStr(status)})`;
  const fields = new PyDict();
  if (isPyDict(item)) {
    for (const [k, v] of pyItems(item)) {
      if (typeof k === "string" && HIDDEN_ITEM_FIELDS.has(k)) continue;
      fields.set(k, capLongStrings(v, 1));
    }
  }
  return fields.size > 0 ? `${head}\n${pyJsonDumps(fields, { indent: 2 })}` : head;
}

/**
 * PostHog's `_format_responses_item`, which every message dict goes through first (whatever its
 * role): the lines for a call, a tool output, a reasoning summary, a tool catalog, a tool block or
 * any other Responses item; null sends the message down the usual `content` path.
 */
export function renderResponsesItem(item: PyDictLike, o: ResolvedTextReprOptions): string[] | null {
  const type = dictGet(item, "type");
  if (isUnhashable(type)) throw new PyError("TypeError", "unhashable type");
  if (!pyTruthy(type)) return null; // a plain chat message: no falsy type is a Responses item
  switch (type) {
    case "function_call":
    case "custom_tool_call":
      return [truncateContent(itemSignature(item), o)];
    case "function_call_output":
    case "custom_tool_call_output": {
      const output = pyGet(item, "output");
      const text = payloadText(output ?? pyGet(item, "content"));
      return [text ? truncateContent(text, o) : "[tool output not recorded]"];
    }
    case "reasoning": {
      const text = payloadText(pyOr(pyGet(item, "summary"), pyGet(item, "content")));
      return [text ? truncateContent(text, o) : "[reasoning summary not recorded]"];
    }
    case "additional_tools": {
      const lines = formatTools(pyGet(item, "tools"), o);
      return lines.length > 0 ? [...lines] : ["[tool catalog not recorded]"];
    }
    case "tool-call":
    case "tool_use":
    case "function": {
      const rendered = renderToolBlock(item);
      if (rendered) return [truncateContent(rendered, o)];
      break;
    }
  }
  return isResponsesItem(item) ? [truncateContent(renderGenericItem(item), o)] : null;
}
