/**
 * The output assembled from its lines: PostHog joins its line list, numbers the lines, and samples
 * the text down to `max_length` by splitting it again. Here the list is split only where an item
 * holds a "\n", and the text is joined once, whole or sampled. Expandable-node lines keep their
 * base64 payload apart (it holds no newline and no surrogate), so it is measured by its length and
 * copied only into the final text.
 */
import { pyFormatFixed, pyFormatThousands } from "../python/pyNumber";
import { pyLen, pySlice } from "../python/pyText";
import { base64EncodeUtf8, base64Utf8Length } from "./textReprBase64";
import type { SampledText } from "./textReprSampling";

/**
 * A line whose tail is plain ASCII: the base64 of `payload` and its closing `>>>`. The tail's
 * length is known from the payload's UTF-8 size, so it is encoded only if the line is printed
 * (sampling drops some).
 */
export class AsciiTailLine {
  readonly tailLength: number;

  constructor(
    readonly head: string,
    readonly payload: string,
    tailLength?: number,
  ) {
    this.tailLength = tailLength ?? base64Utf8Length(payload) + CLOSING.length;
  }

  get tail(): string {
    return base64EncodeUtf8(this.payload) + CLOSING;
  }

  withHead(head: string): AsciiTailLine {
    return new AsciiTailLine(head, this.payload, this.tailLength);
  }

  toString(): string {
    return this.head + this.tail;
  }
}

const CLOSING = ">>>";

export type OutputLine = string | AsciiTailLine;

const SURROGATE = /[\uD800-\uDFFF]/;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** `len(s)` for one line (a lone surrogate counts one code point, as in Python). */
function codePoints(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = s.length;
  PAIR.lastIndex = 0;
  while (PAIR.exec(s) !== null) n--;
  return n;
}

/** What `"\n".join(items).split("\n")` gives, keeping ASCII tails apart. */
function splitItems(items: readonly OutputLine[]): OutputLine[] {
  if (items.length === 0) return [""];
  const out: OutputLine[] = [];
  for (const item of items) {
    const head = typeof item === "string" ? item : item.head;
    if (!head.includes("\n")) {
      out.push(item);
      continue;
    }
    const parts = head.split("\n");
    for (let i = 0; i < parts.length - 1; i++) out.push(parts[i] as string);
    const last = parts[parts.length - 1] as string;
    out.push(typeof item === "string" ? last : item.withHead(last));
  }
  return out;
}

function numbered(lines: OutputLine[]): OutputLine[] {
  const width = String(lines.length).length;
  return lines.map((line, i) => {
    const label = `L${String(i + 1).padStart(width, "0")}: `;
    return typeof line === "string" ? label + line : line.withHead(label + line.head);
  });
}

function joinLines(lines: readonly OutputLine[]): string {
  const parts = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as OutputLine;
    parts[i] = typeof line === "string" ? line : line.head + line.tail;
  }
  return parts.join("\n");
}

/** The joined text of items, each possibly several lines (PostHog's `"\n".join(lines)`). */
export function joinOutput(items: readonly OutputLine[]): string {
  return joinLines(items);
}

/**
 * The API's finish: `"\n".join(items)`, numbered `L001: ` when asked (`add_line_numbers`), then
 * `if max_length and len(text) > max_length: reduce_by_uniform_sampling(text, max_length)`.
 */
export function finishOutput(items: readonly OutputLine[], numberLines: boolean, maxLength: number): SampledText {
  let lines = splitItems(items);
  if (numberLines) lines = numbered(lines);
  const lengths = new Float64Array(lines.length);
  let total = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as OutputLine;
    total += lengths[i] = typeof line === "string" ? codePoints(line) : codePoints(line.head) + line.tailLength;
  }
  if (maxLength === 0 || total <= maxLength) return { text: joinLines(lines), sampled: false, length: total };
  return sampleLines(lines, lengths, maxLength);
}

/** Lines kept verbatim at the top; the sampled-view notice goes after the second. */
const PRESERVE_HEADER_LINES = 5;
const SAMPLING_MAX_ITERATIONS = 10;
const SAMPLING_REDUCTION_FACTOR = 0.9;

export function samplingNotice(percent: number, totalLines: number): string {
  return (
    `[SAMPLED VIEW: Showing ~${pyFormatFixed(percent, 0)}% of ${pyFormatThousands(totalLines)} lines. ` +
    "Gaps in line numbers indicate omitted content.]"
  );
}

/**
 * PostHog's `reduce_by_uniform_sampling` on a text already known to be too long, given as its
 * lines and their code-point lengths: candidate samplings are measured by arithmetic, and only the
 * last one is built.
 */
export function sampleLines(lines: readonly OutputLine[], lengths: Float64Array, maxLength: number): SampledText {
  const cut = (): SampledText => ({ text: pySlice(joinLines(lines), 0, maxLength), sampled: true });
  if (lines.length <= PRESERVE_HEADER_LINES) return cut();
  const header = lines.slice(0, PRESERVE_HEADER_LINES);
  let headerLength = 0;
  for (let i = 0; i < PRESERVE_HEADER_LINES; i++) headerLength += lengths[i] as number;
  const bodyCount = lines.length - PRESERVE_HEADER_LINES;
  const noticeLength = pyLen(samplingNotice(100, lines.length)) + 1;
  const available = maxLength - (headerLength + header.length - 1 + 1 + noticeLength);
  if (available <= 0) return cut();
  const bodyLengths = lengths.subarray(PRESERVE_HEADER_LINES);
  let bodyLength = bodyCount;
  for (let i = 0; i < bodyCount; i++) bodyLength += bodyLengths[i] as number;
  let target = Math.trunc(available / (bodyLength / bodyCount));
  if (target >= bodyCount) return cut();
  target = Math.max(target, 1);

  const notice = (count: number) => samplingNotice((100 * count) / bodyCount, lines.length);
  // Python: sampled = [body[int(i * step)] for i in range(count)], step = len(body) / count.
  const sampledLength = (count: number): number => {
    const step = bodyCount / count;
    let n = headerLength + pyLen(notice(count)) + (header.length + 1 + count - 1);
    for (let i = 0; i < count; i++) n += bodyLengths[Math.trunc(i * step)] as number;
    return n;
  };

  let length = sampledLength(target);
  for (let i = 0; i < SAMPLING_MAX_ITERATIONS && length > maxLength; i++) {
    target = Math.max(Math.trunc(target * ((maxLength / length) * SAMPLING_REDUCTION_FACTOR)), 1);
    length = sampledLength(target);
  }
  const step = bodyCount / target;
  const out: OutputLine[] = [...header.slice(0, 2), notice(target), ...header.slice(2)];
  for (let i = 0; i < target; i++) out.push(lines[PRESERVE_HEADER_LINES + Math.trunc(i * step)] as OutputLine);
  const result = joinLines(out);
  if (length <= maxLength) return { text: result, sampled: true, length };
  return { text: pySlice(result, 0, maxLength), sampled: true, length: maxLength };
}
