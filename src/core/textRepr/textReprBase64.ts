/**
 * Standard padded base64 of UTF-8 text, as PostHog writes inside markers
 * (`base64.b64encode(s.encode("utf-8"))`), without Buffer or btoa so it runs anywhere.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
/** Two output characters per 12 input bits, as one uint16 whose bytes (in this machine's order) are the two chars. */
const PAIRS = new Uint16Array(4096);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
for (let i = 0; i < 4096; i++) {
  const first = ALPHABET.charCodeAt(i >> 6);
  const second = ALPHABET.charCodeAt(i & 63);
  PAIRS[i] = LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second;
}

const PAD = 61; // "="
const encoder = new TextEncoder();
const asciiDecoder = new TextDecoder();
let scratch = new Uint8Array(1 << 16);
let scratchOut = new Uint16Array(1 << 15);

type NativeBase64 = Uint8Array & { toBase64(): string };
/** Engines with `Uint8Array.prototype.toBase64` (recent browsers) encode natively. */
const NATIVE = typeof (Uint8Array.prototype as Partial<NativeBase64>).toBase64 === "function";

interface NodeBuffer {
  from(text: string, encoding: "utf8"): { toString(encoding: "base64"): string };
}
/** Node's own Buffer (not a bundler's polyfill), which encodes natively too. */
const NODE_BUFFER: NodeBuffer | null = (() => {
  const g = globalThis as { Buffer?: NodeBuffer; process?: { versions?: { node?: string } } };
  return typeof g.process?.versions?.node === "string" && typeof g.Buffer?.from === "function" ? g.Buffer : null;
})();

function tail(bytes: Uint8Array, i: number, rest: number): string {
  if (rest === 0) return "";
  const v = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
  const third = rest === 2 ? (ALPHABET[(v >>> 6) & 63] as string) : "=";
  return `${ALPHABET[v >>> 18] as string}${ALPHABET[(v >>> 12) & 63] as string}${third}=`;
}

/** base64 of the UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD). */
export function base64EncodeUtf8(text: string): string {
  if (NODE_BUFFER !== null) return NODE_BUFFER.from(text, "utf8").toString("base64");
  return base64EncodeUtf8Portable(text);
}

/** The same in plain JS (native `toBase64` when the engine has it), for engines without Node's Buffer. */
export function base64EncodeUtf8Portable(text: string): string {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 6);
  const bytes = scratch;
  const n = encoder.encodeInto(text, bytes).written ?? 0;
  if (NATIVE) return (bytes.subarray(0, n) as NativeBase64).toBase64();
  const whole = n - (n % 3);
  if (scratchOut.length < (whole / 3) * 2) scratchOut = new Uint16Array((whole / 3) * 4);
  const out16 = scratchOut;
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out16[o++] = PAIRS[v >>> 12] as number;
    out16[o++] = PAIRS[v & 4095] as number;
  }
  return asciiDecoder.decode(out16.subarray(0, o)) + tail(bytes, whole, n - whole);
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
