/**
 * The browser half shared by the bench pages: frames, "after paint", long-task and frame-gap monitors,
 * scripted scrolling, and the `window.__bench` hand-off to bench/browserBench.ts.
 */
import { flushSync } from "react-dom";
import type { ReactElement } from "react";
import type { Root } from "react-dom/client";

export interface BenchOutcome<T> {
  result?: T;
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchOutcome<unknown>;
    gc?: () => void;
  }
}

/** Runs the page's work and hands the result (or the error) to the Node side. */
export function publish<T>(work: () => Promise<T>): void {
  work().then(
    (result) => (window.__bench = { result }),
    (error: unknown) => (window.__bench = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
  );
}

export const params = new URLSearchParams(location.search);

export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves after the next frame has been painted: a task queued from rAF runs after that frame's paint. */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Collects garbage and lets the page go quiet, so one measurement's leftovers are not billed to the next. */
export async function settle(): Promise<void> {
  window.gc?.();
  await sleep(50);
  for (let i = 0; i < 3; i++) await frame();
}

/**
 * The longest main-thread task while it runs: Chromium's `longtask` entries (tasks of 50 ms and more);
 * 0 means no task reached 50 ms.
 */
export function watchLongTasks(): { stop: () => Promise<number> } {
  let longest = 0;
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries) longest = Math.max(longest, entry.duration);
  };
  const supported = typeof PerformanceObserver !== "undefined" && PerformanceObserver.supportedEntryTypes?.includes("longtask");
  const observer = supported ? new PerformanceObserver((list) => take(list.getEntries())) : null;
  observer?.observe({ type: "longtask" });
  return {
    async stop() {
      // The entry for the task that just ran is queued once it ends.
      await sleep(0);
      await frame();
      if (observer) {
        take(observer.takeRecords());
        observer.disconnect();
      }
      return longest;
    },
  };
}

/** The longest gap between animation frames while it runs (a frame that took that long to come). */
export function watchFrames(): { stop: () => number } {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const tick = (now: number) => {
    worst = Math.max(worst, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return worst;
    },
  };
}

export interface MountFigures {
  /** From `render` to the first frame painted with it (with its content, where the page says what that is). */
  firstPaintMs: number;
  /** Longest task from `render` until five frames after that paint; 0 when none reached 50 ms. */
  longestTaskMs: number;
}

/**
 * Renders synchronously (what `flushSync` gives a host's click handler) and times the first paint; with
 * `until`, the first paint at which it holds (a view that draws a placeholder first is timed to its content).
 */
export async function measureMount(root: Root, element: ReactElement, until?: () => boolean, maxMs = 60_000): Promise<MountFigures> {
  await settle();
  const tasks = watchLongTasks();
  const start = performance.now();
  flushSync(() => root.render(element));
  let painted = await afterPaint();
  while (until && !until() && performance.now() - start < maxMs) painted = await afterPaint();
  for (let i = 0; i < 5; i++) await frame();
  return { firstPaintMs: painted - start, longestTaskMs: await tasks.stop() };
}

export interface ScrollFigures {
  /** Worst frame while wheel-scrolling 60 × 150 px, one step per frame. */
  worstWheelFrameMs: number;
  /** Worst frame while jumping to the end in 40 equal steps (each replaces every rendered row). */
  worstJumpFrameMs: number;
  /** Longest task over both. */
  longestTaskMs: number;
  reachedEnd: boolean;
}

/** Scripted scrolling of `scroller`: wheel-like steps from the top, then jumps to the end. */
export async function measureScroll(scroller: HTMLElement, isAtEnd: () => boolean): Promise<ScrollFigures> {
  const tasks = watchLongTasks();
  scroller.scrollTop = 0;
  await frame();
  let last = await frame();
  let wheel = 0;
  for (let i = 1; i <= 60; i++) {
    scroller.scrollTop = i * 150;
    const now = await frame();
    wheel = Math.max(wheel, now - last);
    last = now;
  }
  let jump = 0;
  for (let i = 1; i <= 40; i++) {
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * (i / 40);
    const now = await frame();
    jump = Math.max(jump, now - last);
    last = now;
  }
  for (let i = 0; i < 5 && !isAtEnd(); i++) {
    scroller.scrollTop = scroller.scrollHeight;
    const now = await frame();
    jump = Math.max(jump, now - last);
    last = now;
  }
  return { worstWheelFrameMs: wheel, worstJumpFrameMs: jump, longestTaskMs: await tasks.stop(), reachedEnd: isAtEnd() };
}

/** Times one interaction: from `act` until the frame after it is painted, and the longest task meanwhile. */
export async function measureInteraction(act: () => void, until?: () => boolean, maxMs = 30_000): Promise<{ ms: number; longestTaskMs: number }> {
  await settle();
  const tasks = watchLongTasks();
  const start = performance.now();
  act();
  let end = await afterPaint();
  while (until && !until() && performance.now() - start < maxMs) end = await afterPaint();
  return { ms: end - start, longestTaskMs: await tasks.stop() };
}

/** A host element of the given width, attached to the page. */
export function mountPoint(width = 1400): HTMLDivElement {
  const host = document.createElement("div");
  host.className = "tl-root";
  host.style.width = `${width}px`;
  document.body.appendChild(host);
  return host;
}

/** The order of two contenders for sample `i`: alternates, so warm-up and drift favour neither. */
export function alternate<T>(sample: number, a: T, b: T): [T, T] {
  return sample % 2 === 0 ? [a, b] : [b, a];
}
