/**
 * Agent-framework span kinds and the facts their spans carry. OpenAI Agents (posthog-python and
 * posthog-js processors) and the Claude Agent SDK write `$ai_span_type` (agent, handoff,
 * guardrail, tool for function spans, custom, speech, speech_group, transcription, mcp_tools) and
 * kind-specific properties (`$ai_agent_handoffs`, `$ai_handoff_to_agent`,
 * `$ai_guardrail_triggered`, `$ai_custom_data`, …). These helpers name them for display.
 */
import { isPropertyBag, type PropertyBag } from "./eventsAccess";

/** The span's kind as the SDK wrote it (lower-cased, trimmed), or null when it wrote none. */
export function spanKindOf(properties: unknown): string | null {
  if (!isPropertyBag(properties)) return null;
  const value = properties.$ai_span_type;
  if (typeof value !== "string") return null;
  const kind = value.trim().toLowerCase();
  return kind === "" ? null : kind.slice(0, 40);
}

/** One labelled fact of an event, for the event panel's Details box. */
export interface EventDetail {
  /** The property it came from. */
  key: string;
  label: string;
  value: unknown;
}

/** Known detail properties, in display order. */
const DETAIL_LABELS: ReadonlyArray<readonly [string, string]> = [
  ["$ai_span_type", "Span kind"],
  ["$ai_framework", "Framework"],
  ["$ai_handoff_from_agent", "Handoff from"],
  ["$ai_handoff_to_agent", "Handoff to"],
  ["$ai_agent_handoffs", "Handoffs"],
  ["$ai_agent_tools", "Agent tools"],
  ["$ai_agent_output_type", "Output type"],
  ["$ai_guardrail_triggered", "Guardrail triggered"],
  ["$ai_custom_data", "Custom data"],
  ["$ai_span_data", "Span data"],
  ["$ai_mcp_server", "MCP server"],
  ["$ai_mcp_tools", "MCP tools"],
  ["$ai_mcp_data", "MCP data"],
  ["model_config", "Model config"],
  ["audio_input_format", "Audio input format"],
  ["audio_output_format", "Audio output format"],
  ["first_content_at", "First content at"],
  ["$ai_stop_reason", "Stop reason"],
  ["$ai_response_id", "Response id"],
  ["$ai_error_type", "Error type"],
  ["$ai_trace_metadata", "Trace metadata"],
];

function present(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPropertyBag(value)) return Object.keys(value).length > 0;
  return true;
}

/** The detail properties an event carries, labelled, in a fixed order; empty values are left out. */
export function eventDetails(properties: PropertyBag): EventDetail[] {
  const details: EventDetail[] = [];
  for (const [key, label] of DETAIL_LABELS) {
    const value = properties[key];
    if (present(value)) details.push({ key, label, value });
  }
  return details;
}
