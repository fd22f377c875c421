import { observeElementRect, type Virtualizer } from "@tanstack/react-virtual";

type Rect = { width: number; height: number };

/**
 * `observeElementRect` that reports `fallbackHeight` while the scroll element has no layout height
 * (server render, jsdom, a hidden tab). Without it a virtualizer renders no rows at all there; with
 * it, it renders one window's worth, which keeps content testable and visible to crawlers.
 */
export function observeRectWithFallback(fallbackHeight: number) {
  return <TScroll extends Element, TItem extends Element>(instance: Virtualizer<TScroll, TItem>, cb: (rect: Rect) => void) =>
    observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: fallbackHeight }));
}

/** The same fallback as the virtualizer's first, pre-measure rect. */
export function fallbackRect(height: number): Rect {
  return { width: 0, height };
}
