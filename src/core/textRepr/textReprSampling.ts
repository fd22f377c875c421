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
}

/**
 * The API's last step, `if max_length and len(text) > max_length`: sample down to `maxLength`,
 * where 0 means no limit (a negative limit still cuts, counting from the end as Python slices do).
 */
export function applyMaxLength(text: string, maxLength: number): SampledText {
  return maxLength === 0 ? { text, sampled: false } : reduceByUniformSampling(text, maxLength);
}

/** Shorten `text` to at most `maxLength` code points, sampling body lines evenly. */
export function reduceByUniformSampling(text: string, maxLength: number): SampledText {
  if (pyLen(text) <= maxLength) return { text, sampled: false };
  const cut = (): SampledText => ({ text: pySlice(text, 0, maxLength), sampled: true });
  const lines = text.split("\n");
  if (lines.length <= PRESERVE_HEADER_LINES) return cut();
  const header = lines.slice(0, PRESERVE_HEADER_LINES);
  const body = lines.slice(PRESERVE_HEADER_LINES);
  const noticeLength = pyLen(samplingNotice(100, lines.length)) + 1;
  const available = maxLength - (pyLen(header.join("\n")) + 1 + noticeLength);
  if (available <= 0) return cut();
  let bodyLength = 0;
  for (const line of body) bodyLength += pyLen(line) + 1;
  let target = Math.trunc(available / (bodyLength / body.length));
  if (target >= body.length) return cut();
  target = Math.max(target, 1);

  const build = (count: number): string => {
    const step = body.length / count;
    const picked: string[] = [];
    for (let i = 0; i < count; i++) picked.push(body[Math.trunc(i * step)] as string);
    const percent = (100 * picked.length) / body.length;
    const out = [...header.slice(0, 2), samplingNotice(percent, lines.length), ...header.slice(2)];
    for (const line of picked) out.push(line);
    return out.join("\n");
  };

  let result = build(target);
  let length = pyLen(result);
  for (let i = 0; i < SAMPLING_MAX_ITERATIONS && length > maxLength; i++) {
    target = Math.max(Math.trunc(target * ((maxLength / length) * SAMPLING_REDUCTION_FACTOR)), 1);
    result = build(target);
    length = pyLen(result);
  }
  return { text: pySlice(result, 0, maxLength), sampled: true };
}
