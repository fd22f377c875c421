/**
 * Warming a freshly loaded model. A WebAssembly runtime starts on quickly compiled baseline code and
 * optimises the functions that turn out hot while they run, and the JavaScript tokenizer is optimised
 * the same way: without a warm-up, the first real pass over a page's messages runs several times
 * slower than later ones. The engine encodes a varied synthetic corpus as soon as the tokenizer is
 * built (while the graph is still downloading), then runs the model on batches of the widths real
 * batches have, built from those ids, before it reports itself ready.
 */
import type { TokenEncoder } from "./tokenEncoder";

/** Words of the kinds messages to assistants contain: requests, code, numbers, accents, emoji. */
const WORDS = (
  "thanks the export fails when a row has an empty date could you check why parser expected number " +
  "I tried again this morning and it is still broken which is annoying please rewrite function async " +
  "TypeError: undefined null 404 500 12.5% $19.99 2024-03-01 https://example.com user@example.com " +
  "café naïve über señor déjà-vu 😀 👍 🙏 — «quoted» “smart” don't can't won't it's JSON.parse() " +
  "SELECT * FROM orders WHERE id = 42; const x = await fetch(url); unrecognisable antidisestablishment"
).split(" ");

/** Widths (tokens) and row counts of the warm-up batches: short chat turns up to pasted paragraphs. */
const SHAPES: ReadonlyArray<readonly [width: number, rows: number]> = [
  [12, 32],
  [24, 32],
  [48, 32],
  [96, 32],
  [160, 24],
  [256, 16],
];

/** Messages encoded by the tokenizer warm-up: enough calls and pieces for the JIT to optimise it. */
const CORPUS_SIZE = 160;

/** A small deterministic generator, so every load warms up on the same corpus. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Synthetic messages from one word to a few hundred, mixed case and punctuation, as chat turns come. */
export function warmUpCorpus(size = CORPUS_SIZE): string[] {
  const next = generator(7);
  return Array.from({ length: size }, (_, i) => {
    const words = i % 4 === 0 ? 1 + Math.floor(next() * 4) : 6 + Math.floor(next() * (i % 7 === 0 ? 220 : 40));
    const parts: string[] = [];
    for (let w = 0; w < words; w++) {
      const word = WORDS[Math.floor(next() * WORDS.length)] as string;
      parts.push(next() < 0.1 ? word.toUpperCase() : word);
      if (next() < 0.08) parts.push(next() < 0.5 ? "." : "?\n");
    }
    return parts.join(" ");
  });
}

/**
 * Encodes the warm-up corpus (which warms the tokenizer) and builds `rounds` rounds of synthetic
 * batches of token ids from it, one batch per shape, rows within the model's token limit.
 */
export function warmUpBatches(encoder: TokenEncoder, rounds: number): number[][][] {
  if (rounds <= 0) return [];
  const pieces: number[] = [];
  for (const text of warmUpCorpus()) pieces.push(...encoder.encode(text));
  const batches: number[][][] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [width, rows] of SHAPES) {
      const size = Math.min(width, encoder.maxTokens);
      batches.push(
        Array.from({ length: rows }, (_, r) => {
          const start = (r * 37 + round * 101) % Math.max(1, pieces.length - size);
          // Rows of a batch have different lengths, as real ones do, so padding and masking run too.
          return pieces.slice(start, start + Math.max(2, size - (r % 4)));
        }),
      );
    }
  }
  return batches;
}
