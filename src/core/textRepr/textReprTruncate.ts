/** Option defaults, middle truncation with TRUNCATED markers, and line numbering. */
import { pyFloorDiv, pyLen, pySlice } from "../python/pyText";
import { base64EncodeUtf8 } from "./textReprBase64";
import {
  TEXT_REPR_DEFAULTS,
  type ResolvedTextReprOptions,
  type TextReprOptions,
} from "./textReprTypes";

function intOption(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : fallback;
}

function boolOption(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

/** Apply PostHog's defaults; values of the wrong type fall back to the default. */
export function resolveTextReprOptions(options: TextReprOptions | undefined): ResolvedTextReprOptions {
  const o: Record<string, unknown> =
    options !== null && typeof options === "object" ? (options as Record<string, unknown>) : {};
  const d = TEXT_REPR_DEFAULTS;
  const pick = (key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
  return {
    maxLength: intOption(pick("max_length"), d.maxLength),
    truncated: boolOption(pick("truncated"), d.truncated),
    truncateBuffer: intOption(pick("truncate_buffer"), d.truncateBuffer),
    includeMarkers: boolOption(pick("include_markers"), d.includeMarkers),
    collapsed: boolOption(pick("collapsed"), d.collapsed),
    includeLineNumbers: boolOption(pick("include_line_numbers"), d.includeLineNumbers),
    toolsCollapseThreshold: intOption(pick("tools_collapse_threshold"), d.toolsCollapseThreshold),
  };
}

/**
 * PostHog's `truncate_content`: keep `buffer // 2` code points at each end. With Python slicing,
 * a buffer of 0 or 1 keeps the whole text as the tail, and an odd buffer encodes one extra
 * character in the marker compared with the count it reports.
 */
export function truncateContent(text: string, o: ResolvedTextReprOptions): string {
  if (!o.truncated) return text;
  const len = pyLen(text);
  const buffer = o.truncateBuffer;
  if (len <= buffer) return text;
  const half = pyFloorDiv(buffer, 2);
  const head = pySlice(text, undefined, half);
  const tail = pySlice(text, -half);
  const dropped = len - buffer;
  if (!o.includeMarkers) return `${head}\n\n... (${dropped} chars truncated) ...\n\n${tail}`;
  const middle = pySlice(text, half, -half);
  return `${head}\n\n<<<TRUNCATED|${base64EncodeUtf8(middle)}|${dropped}>>>\n\n${tail}`;
}

/** `L1: `…`L9: `, or zero-padded to the digit count of the line total (`L001: `…`L120: `). */
export function addLineNumbers(text: string): string {
  const lines = text.split("\n");
  const width = String(lines.length).length;
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    out[i] = `L${String(i + 1).padStart(width, "0")}: ${lines[i] as string}`;
  }
  return out.join("\n");
}
