/**
 * One line of the `npm run bench` summary. A benchmark calls `summaryRow` for each figure it prints that
 * compares tracelens with a peer (or a yardstick); when run by bench/summary.ts (BENCH_SUMMARY=1) the row
 * goes to stdout as one tagged JSON line, which the summary collects; run alone, nothing extra is printed.
 */
export interface SummaryRow {
  bench: string;
  figure: string;
  /** tracelens' figure, as printed (with its unit). */
  tracelens: string;
  /** The peer's figure and who the peer is, when there is one. */
  peer?: string;
  peerName?: string;
  /** The ratio as the benchmark prints it, with the direction that is better. */
  ratio?: string;
  /** The target, and whether this run met it. */
  target?: string;
  met?: boolean;
}

export const SUMMARY_TAG = "@@bench-summary ";

export function summaryRow(row: SummaryRow): void {
  if (process.env.BENCH_SUMMARY === "1") process.stdout.write(`${SUMMARY_TAG}${JSON.stringify(row)}\n`);
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const fmtX = (value: number) => `${fixed(value, 2)}×`;
export const fmtMsOf = (value: number) => `${fixed(value, value < 10 ? 1 : 0)} ms`;
