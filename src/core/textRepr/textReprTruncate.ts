/** Middle truncation with TRUNCATED markers, and line numbering. */
import { pyFloorDiv, pyLen, pySlice } from "../python/pyText";
import { base64EncodeUtf8 } from "./textReprBase64";
import type { ResolvedTextReprOptions } from "./textReprTypes";

export { resolveTextReprOptions } from "./textReprOptions";

/**
 * PostHog's `truncate_content`: keep `buffer // 2` code points at each end. With Python slicing,
 * a buffer of 0 or 1 keeps the whole text as the tail, and an odd buffer encodes one extra
 * character in the marker compared with the count it reports.
 */
export function truncateContent(text: string, o: ResolvedTextReprOptions): string {
  const buffer = o.truncateBuffer;
  if (!o.truncated || text.length <= buffer) return text;
  const len = pyLen(text);
  if (len <= buffer) return text;
  const half = pyFloorDiv(buffer, 2);
  const head = pySlice(text, undefined, half);
  const tail = pySlice(text, -half);
  // Python ints never round: a buffer beyond 2^53 still gives the exact count.
  const dropped = Number.isSafeInteger(buffer) ? String(len - buffer) : String(BigInt(len) - o.truncateBufferExact);
  if (!o.includeMarkers) return `${head}\n\n... (${dropped} chars truncated) ...\n\n${tail}`;
  const middle = pySlice(text, half, -half);
  return `${head}\n\n<<<TRUNCATED|${base64EncodeUtf8(middle)}|${dropped}>>>\n\n${tail}`;
}

/** `L1: `…`L9: `, or zero-padded to the digit count of the line total (`L001: `…`L120: `). */
export function addLineNumbers(text: string): string {
  const lines = text.split("\n");
  const width = String(lines.length).length;
  for (let i = 0; i < lines.length; i++) lines[i] = `L${String(i + 1).padStart(width, "0")}: ${lines[i] as string}`;
  return lines.join("\n");
}
