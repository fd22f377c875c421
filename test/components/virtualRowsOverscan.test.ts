import type { Range } from "@tanstack/react-virtual";
import { overscannedIndexes, type RenderedSpan } from "../../src/components/ui/useVirtualRows";

const range = (startIndex: number, endIndex: number, count = 100_000, overscan = 5): Range => ({ startIndex, endIndex, count, overscan });
const span = (r: Range, direction: "forward" | "backward" | null, previous: RenderedSpan | null) => {
  const { indexes, visibleOnly } = overscannedIndexes(r, direction, previous);
  return [indexes[0], indexes[indexes.length - 1], indexes.length, visibleOnly];
};

describe("overscannedIndexes", () => {
  it("draws only the visible rows first, and on a jump that leaves no rendered row in view", () => {
    expect(span(range(0, 10), null, null)).toEqual([0, 10, 11, true]);
    expect(span(range(5000, 5010), "forward", { start: 99, end: 115 })).toEqual([5000, 5010, 11, true]);
    expect(span(range(20, 30), "backward", { start: 5000, end: 5016 })).toEqual([20, 30, 11, true]);
  });

  it("overscans both sides at rest, as TanStack's default does", () => {
    expect(span(range(100, 110), null, { start: 100, end: 110 })).toEqual([95, 115, 21, false]);
    expect(span(range(0, 10), null, { start: 0, end: 10 })).toEqual([0, 15, 16, false]);
    expect(span(range(99_990, 99_999), null, { start: 99_990, end: 99_999 })).toEqual([99_985, 99_999, 15, false]);
  });

  it("keeps one row behind a moving window and the full overscan ahead of it", () => {
    expect(span(range(103, 113), "forward", { start: 95, end: 115 })).toEqual([102, 118, 17, false]);
    expect(span(range(97, 107), "backward", { start: 95, end: 115 })).toEqual([92, 108, 17, false]);
  });

  it("lists every index between the ends once, in order, and stays within the rows", () => {
    expect(overscannedIndexes(range(2, 6, 8), "forward", { start: 0, end: 7 }).indexes).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(overscannedIndexes(range(0, 0, 1, 0), "forward", null)).toEqual({ indexes: [0], visibleOnly: false });
  });
});
