import { SCROLL_PAUSE_LIMIT_MS, SCROLL_QUIET_MS } from "../../src/components/ui/scrollPause";
import { inBackground } from "../../src/components/ui/useSlicedJob";

/** jsdom has no `scheduler.postTask`, so background tasks are plain timers here, which fake timers drive. */
describe("inBackground while the page scrolls", () => {
  let scroller: HTMLDivElement;
  const scroll = () => scroller.dispatchEvent(new Event("scroll"));
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    scroller = document.createElement("div");
    document.body.append(scroller);
  });
  afterEach(() => {
    scroller.remove();
    vi.useRealTimers();
  });

  it("runs at once on a page that is not scrolling", () => {
    vi.advanceTimersByTime(SCROLL_QUIET_MS);
    const work = vi.fn();
    inBackground(work);
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("waits until a scrolled element (any on the page) has been quiet for a while", () => {
    const work = vi.fn();
    inBackground(work);
    scroll();
    vi.advanceTimersByTime(100);
    scroll();
    vi.advanceTimersByTime(SCROLL_QUIET_MS - 1);
    expect(work).not.toHaveBeenCalled();
    // Fake timers run a zero-delay timer set during a tick 1 ms later.
    vi.advanceTimersByTime(5);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("does not wait forever on a page that never stops scrolling", () => {
    const work = vi.fn();
    inBackground(work);
    for (let t = 0; t < SCROLL_PAUSE_LIMIT_MS - 16; t += 16) {
      scroll();
      vi.advanceTimersByTime(16);
    }
    expect(work).not.toHaveBeenCalled();
    for (let t = 0; t < 48; t += 16) {
      scroll();
      vi.advanceTimersByTime(16);
    }
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("runs work the scrolling itself needs (duringScroll) without waiting", () => {
    const work = vi.fn();
    scroll();
    inBackground(work, { duringScroll: true });
    scroll();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("can be cancelled while it waits", () => {
    const work = vi.fn();
    const cancel = inBackground(work);
    scroll();
    vi.advanceTimersByTime(10);
    cancel();
    vi.advanceTimersByTime(SCROLL_PAUSE_LIMIT_MS);
    expect(work).not.toHaveBeenCalled();
  });
});
