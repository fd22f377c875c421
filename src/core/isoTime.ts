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
  const ms = fastTimeMs(s);
  return Number.isNaN(ms) ? Date.parse(s) : ms;
}

/** The fast path alone: NaN for anything it leaves to `Date.parse`. */
function fastTimeMs(s: string): number {
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
  return NaN;
}

/**
 * `parseTimeMs` for a run of timestamps, most of them in the same minute as the one before (a trace's
 * events): the minute's start is worked out once, and each later timestamp in it costs reading its
 * seconds and milliseconds. One reader per run. A hot loop may test `minute` and `minuteMs` itself
 * (the same test as `read`'s first branch) and call `read` for the rest.
 */
export class TimeReader {
  /** `YYYY-MM-DDTHH:MM:` of the last timestamp read on the fast path ("" before any), and that minute's start. */
  minute = "";
  minuteMs = 0;

  read(s: string): number {
    const n = s.length;
    if ((n === 24 || n === 20) && this.minute !== "" && s.startsWith(this.minute) && s.charCodeAt(n - 1) === 90 && (n === 20 || s.charCodeAt(19) === 46)) {
      const second = digits(s, 17, 2);
      const ms = n === 24 ? digits(s, 20, 3) : 0;
      // The same minute, read on the fast path before, with seconds and milliseconds in range: the fast path's answer.
      if (second >= 0 && second <= 59 && ms >= 0) return this.minuteMs + second * 1000 + ms;
    }
    const value = fastTimeMs(s);
    if (Number.isNaN(value)) return Date.parse(s);
    this.minute = s.slice(0, 17);
    this.minuteMs = value - digits(s, 17, 2) * 1000 - (n === 24 ? digits(s, 20, 3) : 0);
    return value;
  }
}
