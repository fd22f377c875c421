/**
 * Warming a freshly loaded model. A WebAssembly runtime starts on quickly compiled baseline code and
 * optimises the functions that turn out hot while they run, and the JavaScript tokenizer is optimised
 * the same way: the first real pass over a page's messages used to run at about 0.4× the speed of
 * later ones. Running the model on a few synthetic batches of the widths real batches have, right
 * after the session is created, moves that cost out of the first classification.
 */
import type { TokenEncoder } from "./tokenEncoder";

/** Words every tokenizer splits into ordinary pieces; only their ids matter, not their meaning. */
const SAMPLE =
  "Thanks, that fixed the build. Could you also check why the export to CSV fails when a row has an empty date? " +
  "The log says the parser expected a number. I tried again this morning and it is still broken, which is annoying.";

/** Widths (tokens) and row counts of the warm-up batches: short chat turns up to pasted paragraphs. */
const SHAPES: ReadonlyArray<readonly [width: number, rows: number]> = [
  [12, 32],
  [24, 32],
  [48, 32],
  [96, 32],
  [160, 24],
  [256, 16],
];

/** Synthetic rows of token ids for the warm-up batches, built by the model's own tokenizer. */
export function warmUpBatches(encoder: TokenEncoder, rounds: number): number[][][] {
  const pieces: number[] = [];
  // Encoding a few times also warms the tokenizer itself.
  for (let i = 0; i < 8; i++) pieces.push(...encoder.encode(`${SAMPLE} ${i}`));
  const batches: number[][][] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [width, rows] of SHAPES) {
      const size = Math.min(width, encoder.maxTokens);
      batches.push(
        Array.from({ length: rows }, (_, r) => {
          const start = (r * 7 + round * 13) % Math.max(1, pieces.length - size);
          // Rows of a batch have different lengths, as real ones do, so padding and masking run too.
          return pieces.slice(start, start + Math.max(2, size - (r % 4))).map((id) => id);
        }),
      );
    }
  }
  return batches;
}
