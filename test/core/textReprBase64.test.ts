// The marker payloads are base64 of UTF-8 (Python's base64.b64encode(s.encode())). Node encodes with
// its Buffer; other engines take the portable path, checked here against Node's own encoder.
import { describe, expect, it } from "vitest";
import {
  base64DecodeUtf8,
  base64EncodeUtf8,
  base64EncodeUtf8Portable,
  base64Utf8Length,
  utf8ByteLength,
  utf8ByteLengthPortable,
} from "../../src/core/textRepr/textReprBase64";

const samples = [
  "",
  "a",
  "ab",
  "abc",
  "abcd",
  "naïve 日本 😀 \u200b\u007f",
  "line\nbreak\r\n\ttab",
  "\ud800 lone high, lone low \udc00",
  "\udc00\ud800 reversed pair, high at the end \udbff",
  "x".repeat(70_000), // longer than the initial scratch buffers
  Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(32 + ((i * 7919) % 0x2fff))).join(""),
];

describe("base64 of UTF-8", () => {
  it.each(samples.map((s) => [s.slice(0, 20), s] as const))("%j", (_label, text) => {
    const expected = Buffer.from(text, "utf8").toString("base64");
    expect(base64EncodeUtf8Portable(text)).toBe(expected);
    expect(base64EncodeUtf8(text)).toBe(expected);
    // Sampling sizes a payload without encoding it.
    const bytes = Buffer.byteLength(text, "utf8");
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(utf8ByteLengthPortable(text)).toBe(bytes);
    expect(base64Utf8Length(text)).toBe(expected.length);
    if (!/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
      expect(base64DecodeUtf8(expected)).toBe(text);
    }
  });
});
