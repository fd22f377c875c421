import { useEffect, useState } from "react";
import { afterNextPaint } from "./useSlicedJob";

/**
 * How many of `target` items to draw: `step` in the first render, then `step` more after each painted
 * frame until all of them are, so a long list is built over several short tasks instead of one long one.
 * While the count is below `target` the caller must show that more is coming (and mark itself busy):
 * a partly drawn list never reads as complete. A grown `target` goes on from where drawing is.
 */
export function useDrawnCount(target: number, step: number): number {
  const [drawn, setDrawn] = useState(() => Math.min(target, step));
  useEffect(() => {
    if (drawn >= target) return;
    return afterNextPaint(() => setDrawn((count) => Math.min(target, Math.max(count, 0) + step)));
  }, [drawn, target, step]);
  return Math.min(drawn, target);
}
