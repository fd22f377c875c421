/** Work that yields between chunks, so a runner can spread it over several tasks (and the page stays responsive). */
export type SlicedJob<T> = Generator<void, T, void>;

/** Runs a job to the end at once: the plain result, for callers that need not slice it. */
export function finishJob<T>(job: SlicedJob<T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}
