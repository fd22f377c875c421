/** The `AVAILABLE TOOLS` block for `$ai_tools` (OpenAI, Anthropic, Google and name-keyed shapes). */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyStr } from "../python/pyRepr";
import { pySlice } from "../python/pyText";
import {
  dictGet,
  isPyDict,
  pyGet,
  pyGetOr,
  pyHas,
  pyItems,
  pyOr,
  type PyDictLike,
} from "../python/pyValue";
import { base64EncodeUtf8 } from "./textReprBase64";
import { memoTools } from "./textReprMemo";
import type { ResolvedTextReprOptions } from "./textReprTypes";

/** Tool dicts in order, with Google `functionDeclarations` bundles expanded. */
function toolList(tools: unknown): PyDictLike[] {
  let entries: unknown[];
  if (Array.isArray(tools)) entries = tools;
  else if (isPyDict(tools)) entries = pyItems(tools).map(([, spec]) => spec);
  else return [];
  const out: PyDictLike[] = [];
  for (const tool of entries) {
    if (!isPyDict(tool)) continue;
    const declarations = pyGet(tool, "functionDeclarations");
    if (Array.isArray(declarations)) {
      for (const d of declarations) if (isPyDict(d)) out.push(d);
    } else {
      out.push(tool);
    }
  }
  return out;
}

/** `a: string, b?: integer` from a JSON schema's properties, in schema order. */
function formatParams(schema: unknown): string {
  if (!isPyDict(schema)) return "";
  const properties = dictGet(schema, "properties");
  if (!isPyDict(properties)) return "";
  const requiredValue = dictGet(schema, "required");
  const required = Array.isArray(requiredValue) ? requiredValue : [];
  let out = "";
  for (const [key, prop] of pyItems(properties)) {
    if (!isPyDict(prop)) continue;
    const type = pyHas(prop, "type") ? dictGet(prop, "type") : "any";
    const mark = required.includes(key) ? "" : "?";
    out += `${out === "" ? "" : ", "}${typeof key === "string" ? key : pyStr(key)}${mark}: ${typeof type === "string" ? type : pyStr(type)}`;
  }
  return out;
}

/** First line, cut before the first ". ", ending in a period (added only when missing). */
function shortDescription(description: string): string {
  const newline = description.indexOf("\n");
  const first = newline < 0 ? description : description.slice(0, newline);
  const stop = first.indexOf(". ");
  const sentence = stop >= 0 ? first.slice(0, stop) : first;
  return sentence.endsWith(".") ? sentence : `${sentence}.`;
}

function toolLines(tool: PyDictLike): string[] {
  const fn = pyGet(tool, "function");
  let name: unknown;
  let description: unknown;
  let schema: unknown;
  // `.get(key, default)` throughout: a stored None name prints as "None".
  if (isPyDict(fn)) {
    name = pyGetOr(fn, "name", "unknown");
    description = pyGet(fn, "description");
    schema = pyGet(fn, "parameters");
  } else if (pyHas(tool, "name")) {
    name = pyGet(tool, "name");
    description = pyGet(tool, "description");
    schema = pyOr(pyGet(tool, "input_schema"), pyGet(tool, "inputSchema"), pyGet(tool, "parameters"));
  } else {
    // Built-in tools (web search, code interpreter…) have no name: show their JSON instead.
    name = pyGetOr(tool, "type", "UNKNOWN");
    description = pySlice(pyJsonDumps(tool), 0, 100);
  }
  const lines = [`  ${pyStr(name)}(${formatParams(schema)})`];
  if (typeof description === "string" && description !== "" && description !== "N/A") {
    lines.push(`    ${shortDescription(description)}`);
  }
  return lines;
}

/**
 * PostHog's `format_tools`: `""` then `AVAILABLE TOOLS: N` and one entry per tool, or a single
 * expandable line when there are more tools than `tools_collapse_threshold`.
 */
export function formatTools(tools: unknown, o: ResolvedTextReprOptions): readonly string[] {
  return memoTools(tools, () => renderTools(tools, o));
}

function renderTools(tools: unknown, o: ResolvedTextReprOptions): string[] {
  const list = toolList(tools);
  if (list.length === 0) return [];
  const heading = `AVAILABLE TOOLS: ${list.length}`;
  const collapse = list.length > o.toolsCollapseThreshold;
  if (collapse && !o.includeMarkers) return ["", `[+] ${heading}`];
  const body: string[] = [];
  for (const tool of list) {
    body.push("");
    for (const line of toolLines(tool)) body.push(line);
  }
  if (collapse) {
    const payload = base64EncodeUtf8(`${heading}\n${body.join("\n")}`);
    return ["", `<<<TOOLS_EXPANDABLE|${heading}|${payload}>>>`];
  }
  return ["", heading, ...body];
}
