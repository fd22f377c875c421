/**
 * Python's `int(str)` (base 10) and the Unicode clean-up that `int()` and `float()` both apply first:
 * every Unicode decimal digit (Arabic-Indic `٣`, fullwidth `５`…) counts as its ASCII digit and
 * every Unicode space as a space, pinned to Python 3.11 (Unicode 14.0) rather than the engine's data.
 */

/** The code point of the digit zero of every Unicode 14.0 decimal-digit run (each run is 0…9). */
const DECIMAL_ZEROS = (
  "30 660 6f0 7c0 966 9e6 a66 ae6 b66 be6 c66 ce6 d66 de6 e50 ed0 f20 1040 1090 17e0 1810 1946 19d0 1a80 " +
  "1a90 1b50 1bb0 1c40 1c50 a620 a8d0 a900 a9d0 a9f0 aa50 abf0 ff10 104a0 10d30 11066 110f0 11136 111d0 " +
  "112f0 11450 114d0 11650 116c0 11730 118e0 11950 11c50 11d50 11da0 16a60 16ac0 16b50 1d7ce 1d7d8 1d7e2 " +
  "1d7ec 1d7f6 1e140 1e2f0 1e950 1fbf0"
)
  .split(" ")
  .map((h) => parseInt(h, 16));

/** Python's `str.isspace()` above ASCII (Unicode 14.0). */
const UNICODE_SPACES: ReadonlySet<number> = new Set([
  0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

function decimalValue(cp: number): number {
  let lo = 0;
  let hi = DECIMAL_ZEROS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const zero = DECIMAL_ZEROS[mid] as number;
    if (cp < zero) hi = mid - 1;
    else if (cp > zero + 9) lo = mid + 1;
    else return cp - zero;
  }
  return -1;
}

/** Python's `ch.isspace()` for one code point. */
export function pyIsSpace(cp: number): boolean {
  return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || UNICODE_SPACES.has(cp);
}

/**
 * CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII digits and spaces become their
 * ASCII forms; any other non-ASCII character makes the text unparseable (null).
 */
export function pyAsciiNumberText(s: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007e]*$/.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 127) out += ch;
    else if (UNICODE_SPACES.has(cp)) out += " ";
    else {
      const digit = decimalValue(cp);
      if (digit < 0) return null;
      out += String(digit);
    }
  }
  return out;
}

/** The ASCII whitespace C's `isspace` knows, which int() and float() strip around the number. */
export const C_SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

// Sign, then digits with single underscores between them (no leading or trailing underscore).
const INT_TEXT = /^[+-]?\d(?:_?\d)*$/;

/** `int(s)` for a str in base 10; null where Python raises ValueError. */
export function pyParseInt(s: string): bigint | null {
  const ascii = pyAsciiNumberText(s);
  if (ascii === null) return null;
  const t = ascii.replace(C_SPACE, "");
  // Python 3.11 also refuses to convert more than 4300 digits.
  if (!INT_TEXT.test(t) || t.length > 4301) return null;
  return BigInt(t.replace(/_/g, ""));
}
