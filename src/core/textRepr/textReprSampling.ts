/** PostHog's `reduce_by_uniform_sampling`: fit a long text into `max_length` by keeping every k-th line. */
import { pyFormatFixed, pyFormatThousands } from "../python/pyNumber";
import { pyLen, pySlice } from "../python/pyText";

/** Lines kept verbatim at the top; the sampled-view notice goes after the second. */
const PRESERVE_HEADER_LINES = 5;
const SAMPLING_MAX_ITERATIONS = 10;
const SAMPLING_REDUCTION_FACTOR = 0.9;

function samplingNotice(percent: number, totalLines: number): string {
  return (
    `[SAMPLED VIEW: Showing ~${pyFormatFixed(percent, 0)}% of ${pyFormatThousands(totalLines)} lines. ` +
    "Gaps in line numbers indicate omitted content.]"
  );
}

export interface SampledText {
  text: string;
  /** True when the text had to be shortened (sampled or cut). */
  sampled: boolean;
  /** `len(text)` in code points, when sampling already knows it. */
  length?: number;
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Code-point length of each `\n`-separated line of `text`, from the UTF-16 offsets of its surrogate
 * pairs (each pair is one code point in two units; a lone surrogate counts one, as in Python): one
 * regex pass over the flat text instead of one per line.
 */
function measureLines(text: string, lines: readonly string[]): { lengths: Float64Array; total: number } {
  const lengths = new Float64Array(lines.length);
  PAIR.lastIndex = 0;
  let pair = PAIR.exec(text);
  let start = 0;
  let total = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const units = (lines[i] as string).length;
    let n = units;
    while (pair !== null && pair.index < start + units) {
      n--;
      pair = PAIR.exec(text);
    }
    lengths[i] = n;
    total += n;
    start += units + 1;
  }
  return { lengths, total };
}

/**
 * The API's last step, `if max_length and len(text) > max_length`: 0 means no limit, and a negative
 * limit still cuts, counting from the end as Python slices do.
 */
export function applyMaxLength(text: string, maxLength: number): SampledText {
  return maxLength === 0 ? { text, sampled: false } : reduceByUniformSampling(text, maxLength);
}

/** Shorten `text` to at most `maxLength` code points (0 included), sampling body lines evenly. */
export function reduceByUniformSampling(text: string, maxLength: number): SampledText {
  // A text no longer in UTF-16 units than the limit fits in code points too.
  if (text.length <= maxLength) return { text, sampled: false };
  const lines = text.split("\n");
  const { lengths, total } = measureLines(text, lines);
  if (total <= maxLength) return { text, sampled: false, length: total };
  return sampleLines(text, lines, lengths, maxLength);
}

/**
 * PostHog's `reduce_by_uniform_sampling` on a text already known to be too long. Each line is
 * measured once; candidate samplings are measured by arithmetic and only the last one is built.
 */
function sampleLines(text: string, lines: readonly string[], lengths: Float64Array, maxLength: number): SampledText {
  const cut = (): SampledText => ({ text: pySlice(text, 0, maxLength), sampled: true });
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
  const out = [...header.slice(0, 2), notice(target), ...header.slice(2)];
  for (let i = 0; i < target; i++) out.push(lines[PRESERVE_HEADER_LINES + Math.trunc(i * step)] as string);
  const result = out.join("\n");
  if (length <= maxLength) return { text: result, sampled: true, length };
  return { text: pySlice(result, 0, maxLength), sampled: true, length: maxLength };
}
