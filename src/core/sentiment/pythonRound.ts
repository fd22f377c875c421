/**
 * Python's `round(x, ndigits)` for floats: the exact binary value is rounded to `ndigits`
 * decimals, exact ties go to even, and the decimal result is read back as the nearest double.
 * `Number.prototype.toFixed` differs on exact ties (0.03125 → "0.0313", Python gives 0.0312).
 */
export function pyRound(value: number, ndigits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, Math.min(20, Math.trunc(ndigits)));
  const { mantissa, exponent } = decomposeDouble(Math.abs(value));
  if (exponent >= 0) return value; // already an integer
  const numerator = mantissa * 10n ** BigInt(digits);
  const denominator = 1n << BigInt(-exponent);
  let quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n)) {
    quotient += 1n;
  }
  const rounded = Number(`${quotient}e-${digits}`);
  return value < 0 ? -rounded : rounded;
}

/** Splits a positive finite double into an integer mantissa and a power-of-two exponent. */
function decomposeDouble(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Python `round(x, 4)`, the precision of every sentiment score. */
export function roundScore(value: number): number {
  return pyRound(value, 4);
}
