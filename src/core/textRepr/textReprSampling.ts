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

/**
 * The API's last step, `if max_length and len(text) > max_length`: sample down to `maxLength`,
 * where 0 means no limit (a negative limit still cuts, counting from the end as Python slices do).
 */
export function applyMaxLength(text: string, maxLength: number): SampledText {
  return maxLength === 0 ? { text, sampled: false } : reduceByUniformSampling(text, maxLength);
}

const SURROGATE = /[\uD800-\uDFFF]/;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Code-point length of each `\n`-separated line, from the UTF-16 offsets of the text's surrogate
 * pairs (each pair is one code point in two units): one regex pass instead of one per line.
 */
function lineLengths(text: string, lines: readonly string[], surrogates: boolean): Float64Array {
  const out = new Float64Array(lines.length);
  const pairs: number[] = [];
  if (surrogates) {
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) pairs.push(m.index);
  }
  let start = 0;
  let p = 0;
  for (let i = 0; i < lines.length; i++) {
    const units = (lines[i] as string).length;
    let n = units;
    while (p < pairs.length && (pairs[p] as number) < start + units) {
      n--;
      p++;
    }
    out[i] = n;
    start += units + 1;
  }
  return out;
}

/**
 * Shorten `text` to at most `maxLength` code points, sampling body lines evenly. Each line is
 * measured once; the candidate samplings are measured by arithmetic and only the last one is built.
 */
export function reduceByUniformSampling(text: string, maxLength: number): SampledText {
  // A text no longer in UTF-16 units than the limit fits in code points too.
  if (text.length <= maxLength) return { text, sampled: false };
  const surrogates = SURROGATE.test(text);
  const lines = text.split("\n");
  const lengths = lineLengths(text, lines, surrogates);
  let total = lines.length - 1;
  for (let i = 0; i < lengths.length; i++) total += lengths[i] as number;
  if (total <= maxLength) return { text, sampled: false, length: total };
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

  // Python: sampled = [body[int(i * step)] for i in range(count)], step = len(body) / count.
  const sampledLength = (count: number): number => {
    const step = bodyCount / count;
    let n = headerLength + pyLen(notice(count)) + (header.length + 1 + count - 1);
    for (let i = 0; i < count; i++) n += bodyLengths[Math.trunc(i * step)] as number;
    return n;
  };
  const notice = (count: number) => samplingNotice((100 * count) / bodyCount, lines.length);

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
