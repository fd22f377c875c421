/** Work that yields between chunks, so a runner can spread it over several tasks (and the page stays responsive). */
export type SlicedJob<T> = Generator<void, T, void>;

/** Advances `job` until it finishes or `deadline` (a `performance.now()` time) passes. */
export function runJob<T>(job: SlicedJob<T>, deadline: number): { done: true; value: T } | { done: false } {
  for (;;) {
    const step = job.next();
    if (step.done) return { done: true, value: step.value };
    if (performance.now() >= deadline) return { done: false };
  }
}

/** Runs a job to the end at once (for callers that want the plain result). */
export function finishJob<T>(job: SlicedJob<T>): T {
  const step = runJob(job, Infinity);
  return (step as { value: T }).value;
}
