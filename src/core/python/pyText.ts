/**
 * Python str length and slicing, counted in code points rather than UTF-16 units.
 *
 * An astral character (emoji) is one Python character but two JS units; a lone surrogate is one
 * of each. Strings without surrogates take the fast path, so large ASCII texts stay cheap.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** `len(s)` in Python: UTF-16 units less one per surrogate pair (found by the regex engine, not a JS loop). */
export function pyLen(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = s.length;
  PAIR.lastIndex = 0;
  while (PAIR.exec(s) !== null) n--;
  return n;
}

/** Python's slice-bound normalisation: negatives count from the end, then clamp to [0, len]. */
function bound(index: number | undefined, len: number, fallback: number): number {
  if (index === undefined) return fallback;
  const i = index < 0 ? index + len : index;
  return Math.min(Math.max(i, 0), len);
}

/** UTF-16 offset of each requested code-point index (ascending), in one walk. */
function unitOffsets(s: string, cpIndexes: readonly number[]): number[] {
  const out: number[] = [];
  let cp = 0;
  let unit = 0;
  for (const target of cpIndexes) {
    while (cp < target && unit < s.length) {
      const c = s.charCodeAt(unit);
      unit += isHigh(c) && unit + 1 < s.length && isLow(s.charCodeAt(unit + 1)) ? 2 : 1;
      cp++;
    }
    out.push(unit);
  }
  return out;
}

/** `s[start:end]` in Python (step 1), with `undefined` for an omitted bound. */
export function pySlice(s: string, start?: number, end?: number): string {
  const surrogates = SURROGATE.test(s);
  const len = surrogates ? pyLen(s) : s.length;
  const a = bound(start, len, 0);
  const b = bound(end, len, len);
  if (a >= b) return "";
  if (!surrogates) return s.slice(a, b);
  const [ua, ub] = unitOffsets(s, [a, b]) as [number, number];
  return s.slice(ua, ub);
}

/** `s[:n] + ("..." if len(s) > n else "")`, the cut PostHog applies to reprs and dumps. */
export function pyCutWithEllipsis(s: string, n: number): string {
  return pyLen(s) > n ? `${pySlice(s, 0, n)}...` : s;
}

/** Python's `a // b` for ints. */
export function pyFloorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Iterate a string's code points as Python does (`for ch in s`). */
export function pyChars(s: string): string[] {
  return Array.from(s);
}
