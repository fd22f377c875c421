import type { SlicedJob } from "../../core/jobSteps";

export { finishJob, type SlicedJob } from "../../core/jobSteps";

/** Advances `job` until it finishes or `deadline` (a `performance.now()` time) passes. */
export function runJob<T>(job: SlicedJob<T>, deadline: number): { done: true; value: T } | { done: false } {
  for (;;) {
    const step = job.next();
    if (step.done) return { done: true, value: step.value };
    if (performance.now() >= deadline) return { done: false };
  }
}
