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

/** Median, min and max of a set of samples (milliseconds). */
export interface SampleStats {
  median: number;
  min: number;
  max: number;
  count: number;
}

export function sampleStats(samples: readonly number[]): SampleStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, count: sorted.length };
}

/** `12.3 ms (11.9–14.0)`. */
export const statsText = (s: SampleStats) => `${ms(s.median)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** The machine a benchmark ran on, for printed results: CPU model and count, memory, Node version. */
export async function machineLine(): Promise<string> {
  const os = await import("node:os");
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${model}, ${cpus.length} cores, ${gib} GiB, ${os.platform()} ${os.arch()}, Node ${process.version}`;
}
