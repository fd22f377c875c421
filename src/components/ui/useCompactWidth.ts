import { useState, type RefObject } from "react";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";

/** Tables switch to their compact layout below this container width unless the host sets another. */
export const DEFAULT_COMPACT_BELOW = 640;

/**
 * Whether the element at `ref` is narrower than `below` px: a container query the table can act on in
 * script (its columns are a JavaScript model, so CSS alone cannot move them into the detail row).
 * Measured before paint and on every resize; `false` until measured (server rendering, no ResizeObserver),
 * and always `false` when `below` is not a positive number.
 */
export function useCompactWidth(ref: RefObject<HTMLElement | null>, below: number | undefined): boolean {
  const [compact, setCompact] = useState(false);
  const threshold = typeof below === "number" && Number.isFinite(below) && below > 0 ? below : 0;
  useIsomorphicLayoutEffect(() => {
    const element = ref.current;
    if (!element || threshold === 0) {
      setCompact(false);
      return;
    }
    const update = (width: number) => {
      // A detached or hidden element measures 0: keep the current layout rather than flip to compact.
      if (width > 0) setCompact(width < threshold);
    };
    update(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) update(entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, threshold]);
  return compact;
}
