/**
 * `Date.parse` for the timestamps tables sort by, with a fast path for the one format PostHog sends
 * (`2025-06-20T12:00:00Z`, `2025-06-20T12:00:00.123Z`): read from character codes, about four times
 * cheaper, which matters when a sort reads 100,000 of them. Anything else, or any field out of the
 * range where both readings surely agree (days past the 28th, hour 24, leap seconds), goes to `Date.parse`.
 */
const D = 48; // "0"

function digits(s: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - D;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function parseTimeMs(s: string): number {
  const n = s.length;
  if (
    (n === 20 || n === 24) &&
    s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(10) === 84 &&
    s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58 && s.charCodeAt(n - 1) === 90 &&
    (n === 20 || s.charCodeAt(19) === 46)
  ) {
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 2);
    const day = digits(s, 8, 2);
    const hour = digits(s, 11, 2);
    const minute = digits(s, 14, 2);
    const second = digits(s, 17, 2);
    const ms = n === 24 ? digits(s, 20, 3) : 0;
    // Date.UTC reads years 0–99 as 1900–1999.
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(s);
}
