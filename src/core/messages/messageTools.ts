/**
 * `$ai_tools` → tool definitions, across OpenAI chat/Responses, Anthropic, Google, Vercel/MCP
 * and dict-keyed-by-name shapes.
 */
import { isPropertyBag, readString } from "../eventsAccess";
import type { ToolDefinition } from "./messageTypes";

function definition(name: string, description: unknown, parameters: unknown, raw: unknown): ToolDefinition {
  const tool: ToolDefinition = { name, raw };
  const text = readString(description);
  if (text) tool.description = text;
  if (parameters !== undefined && parameters !== null) tool.parameters = parameters;
  return tool;
}

function fromEntry(entry: unknown, fallbackName: string | null, into: ToolDefinition[], depth = 0): void {
  if (Array.isArray(entry)) {
    // Some callbacks record the tool list nested one level (`[[tool, tool]]`).
    if (depth < 2) for (const inner of entry) fromEntry(inner, null, into, depth + 1);
    return;
  }
  if (typeof entry === "string") {
    if (entry !== "") into.push({ name: entry, raw: entry });
    return;
  }
  if (!isPropertyBag(entry)) return;
  const declarations = entry.functionDeclarations ?? entry.function_declarations;
  if (Array.isArray(declarations)) {
    // Google groups functions under one tool object.
    for (const declaration of declarations) {
      if (isPropertyBag(declaration)) {
        const name = readString(declaration.name) || "unknown";
        into.push(definition(name, declaration.description, declaration.parameters ?? declaration.parametersJsonSchema, declaration));
      }
    }
    return;
  }
  const fn = entry.function;
  if (isPropertyBag(fn)) {
    into.push(definition(readString(fn.name) || fallbackName || "unknown", fn.description, fn.parameters, entry));
    return;
  }
  const name = readString(entry.name) || fallbackName || readString(entry.type) || "unknown";
  const parameters = entry.input_schema ?? entry.inputSchema ?? entry.parameters;
  into.push(definition(name, entry.description, parameters, entry));
}

function looksLikeSingleTool(value: Record<string, unknown>): boolean {
  return (
    typeof value.name === "string" ||
    isPropertyBag(value.function) ||
    Array.isArray(value.functionDeclarations) ||
    Array.isArray(value.function_declarations) ||
    (typeof value.type === "string" && Object.keys(value).length <= 3)
  );
}

/** `{tools: [...]}` (a request-config wrapper) rather than a tool whose name is "tools". */
function looksLikeWrapper(value: Record<string, unknown>): boolean {
  return typeof value.name !== "string" && !isPropertyBag(value.function);
}

/**
 * Parses a tool catalogue. A list is read entry by entry; a dict is a single tool when it looks
 * like one, otherwise `{name: spec}` (Vercel AI SDK style). Never throws; unknown entries are
 * skipped.
 */
export function parseToolDefinitions(value: unknown): ToolDefinition[] {
  const tools: ToolDefinition[] = [];
  try {
    if (Array.isArray(value)) for (const entry of value) fromEntry(entry, null, tools);
    else if (isPropertyBag(value)) {
      if (Array.isArray(value.tools) && looksLikeWrapper(value)) for (const entry of value.tools) fromEntry(entry, null, tools);
      else if (looksLikeSingleTool(value)) fromEntry(value, null, tools);
      else for (const [name, spec] of Object.entries(value)) fromEntry(isPropertyBag(spec) ? spec : { description: spec }, name, tools);
    }
  } catch {
    return tools;
  }
  return tools;
}
