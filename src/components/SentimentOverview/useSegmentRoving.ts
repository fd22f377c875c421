import { useState, type FocusEvent, type KeyboardEvent } from "react";

const KEYS_NEXT = new Set(["ArrowRight", "ArrowDown"]);
const KEYS_PREVIOUS = new Set(["ArrowLeft", "ArrowUp"]);

/**
 * One tab stop per chart: the last focused segment (the first at start) is tabbable, and the arrow keys,
 * Home and End move between segments in reading order.
 */
export function useSegmentRoving(ids: readonly string[]) {
  const [current, setCurrent] = useState<string | null>(null);
  const tabbable = current !== null && ids.includes(current) ? current : (ids[0] ?? null);
  const focusSegment = (root: Element, id: string) => {
    const node = Array.from(root.querySelectorAll<SVGElement>("[data-segment-id]")).find((el) => el.dataset.segmentId === id);
    node?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const id = target?.getAttribute("data-segment-id");
    if (!id) return;
    const index = ids.indexOf(id);
    let next = -1;
    if (KEYS_NEXT.has(event.key)) next = Math.min(ids.length - 1, index + 1);
    else if (KEYS_PREVIOUS.has(event.key)) next = Math.max(0, index - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = ids.length - 1;
    if (next < 0) return;
    event.preventDefault();
    const nextId = ids[next]!;
    setCurrent(nextId);
    focusSegment(event.currentTarget, nextId);
  };
  const onFocus = (event: FocusEvent<SVGSVGElement>) => {
    const id = event.target instanceof Element ? event.target.getAttribute("data-segment-id") : null;
    if (id && id !== current) setCurrent(id);
  };
  return { tabbable, onKeyDown, onFocus };
}
