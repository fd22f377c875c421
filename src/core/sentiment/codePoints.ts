/**
 * Code-point-aware slicing. PostHog measures text in Python code points, so an astral emoji is
 * one character and a surrogate pair must never be split. A lone surrogate counts as one.
 */

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Python `len(text)`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

/** Python `text[:count]` for count >= 0. */
export function firstCodePoints(text: string, count: number): string {
  let i = 0;
  for (let taken = 0; i < text.length && taken < count; taken++) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return text.slice(0, i);
}

/** Python `text[-count:]` for count > 0 (the whole text when it is shorter). */
export function lastCodePoints(text: string, count: number): string {
  let i = text.length;
  for (let taken = 0; i > 0 && taken < count; taken++) {
    i -= i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? 2 : 1;
  }
  return text.slice(i);
}
