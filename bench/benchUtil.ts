/** Median wall time of `runs` calls (after one warm-up), in milliseconds. */
export function medianMs(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
