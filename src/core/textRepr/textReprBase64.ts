/**
 * Standard padded base64 of UTF-8 text, as PostHog writes inside markers
 * (`base64.b64encode(s.encode("utf-8"))`), without Buffer or btoa so it runs anywhere.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

const PAD = 61; // "="
const encoder = new TextEncoder();
const asciiDecoder = new TextDecoder();

/** base64 of the UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD). */
export function base64EncodeUtf8(text: string): string {
  const bytes = encoder.encode(text);
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = CODES[(n >>> 6) & 63] as number;
    out[o++] = CODES[n & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = CODES[n >>> 18] as number;
    out[o++] = CODES[(n >>> 12) & 63] as number;
    out[o++] = rest === 2 ? (CODES[(n >>> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  return asciiDecoder.decode(out);
}

/**
 * Decode padded base64 holding UTF-8 text. Returns null for anything else (wrong alphabet,
 * length or padding, or bytes that are not valid UTF-8) instead of throwing.
 */
export function base64DecodeUtf8(b64: string): string | null {
  if (b64.length % 4 !== 0) return null;
  let pad = 0;
  if (b64.endsWith("==")) pad = 2;
  else if (b64.endsWith("=")) pad = 1;
  const bytes = new Uint8Array((b64.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < b64.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const code = b64.charCodeAt(i + k);
      const isPad = code === PAD && i + k >= b64.length - pad;
      const v = isPad ? 0 : code < 128 ? (VALUES[code] as number) : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    if (o < bytes.length) bytes[o++] = (n >>> 16) & 255;
    if (o < bytes.length) bytes[o++] = (n >>> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
