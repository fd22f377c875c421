import type { Range } from "@tanstack/react-virtual";
import { overscannedIndexes } from "../../src/components/ui/useVirtualRows";

const range = (startIndex: number, endIndex: number, count = 100_000, overscan = 5): Range => ({ startIndex, endIndex, count, overscan });
const span = (indexes: number[]) => [indexes[0], indexes[indexes.length - 1], indexes.length];

describe("overscannedIndexes", () => {
  it("overscans both sides at rest, as TanStack's default does", () => {
    expect(span(overscannedIndexes(range(100, 110), null))).toEqual([95, 115, 21]);
    expect(span(overscannedIndexes(range(0, 10), null))).toEqual([0, 15, 16]);
    expect(span(overscannedIndexes(range(99_990, 99_999), null))).toEqual([99_985, 99_999, 15]);
  });

  it("keeps one row behind a moving window and the full overscan ahead of it", () => {
    expect(span(overscannedIndexes(range(100, 110), "forward"))).toEqual([99, 115, 17]);
    expect(span(overscannedIndexes(range(100, 110), "backward"))).toEqual([95, 111, 17]);
  });

  it("lists every index between the ends once, in order, and stays within the rows", () => {
    const indexes = overscannedIndexes(range(2, 6, 8), "forward");
    expect(indexes).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(overscannedIndexes(range(0, 0, 1, 0), "forward")).toEqual([0]);
  });
});
