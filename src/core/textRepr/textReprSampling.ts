/** PostHog's `reduce_by_uniform_sampling`: fit a long text into `max_length` by keeping every k-th line. */
import { sampleLines } from "./textReprLines";

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
  return sampleLines(lines, lengths, maxLength);
}

