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

interface NodeBytes {
  readonly length: number;
  write(text: string, offset: number, length: number, encoding: "utf8"): number;
  toString(encoding: "base64", start: number, end: number): string;
}
interface NodeBuffer {
  allocUnsafeSlow(size: number): NodeBytes;
  byteLength(text: string, encoding: "utf8"): number;
}
/** Node's own Buffer (not a bundler's polyfill), which encodes natively too. */
const NODE_BUFFER: NodeBuffer | null = (() => {
  const g = globalThis as { Buffer?: NodeBuffer; process?: { versions?: { node?: string } } };
  return typeof g.process?.versions?.node === "string" && typeof g.Buffer?.byteLength === "function" ? g.Buffer : null;
})();

function tail(bytes: Uint8Array, i: number, rest: number): string {
  if (rest === 0) return "";
  const v = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
  const third = rest === 2 ? (ALPHABET[(v >>> 6) & 63] as string) : "=";
  return `${ALPHABET[v >>> 18] as string}${ALPHABET[(v >>> 12) & 63] as string}${third}=`;
}

/** One reused byte buffer for Node: a fresh Buffer per payload made the allocator and GC a tenth of a trace's time. */
let nodeScratch: NodeBytes | null = null;

/** base64 of the UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD). */
export function base64EncodeUtf8(text: string): string {
  if (NODE_BUFFER === null) return base64EncodeUtf8Portable(text);
  const n = NODE_BUFFER.byteLength(text, "utf8");
  if (nodeScratch === null || nodeScratch.length < n) nodeScratch = NODE_BUFFER.allocUnsafeSlow(Math.max(n, 2 * (nodeScratch?.length ?? 1 << 15)));
  nodeScratch.write(text, 0, n, "utf8");
  return nodeScratch.toString("base64", 0, n);
}

/** The UTF-8 byte count of `text` (a lone surrogate counts three, as U+FFFD). */
export function utf8ByteLength(text: string): number {
  return NODE_BUFFER !== null ? NODE_BUFFER.byteLength(text, "utf8") : utf8ByteLengthPortable(text);
}

/** The same counted in plain JS. */
export function utf8ByteLengthPortable(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // the pair's two units become four bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** The length of `base64EncodeUtf8(text)`, without encoding it. */
export function base64Utf8Length(text: string): number {
  return 4 * Math.ceil(utf8ByteLength(text) / 3);
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
