// Host trace rows each keep a unique id, even when a repeated id's suffix (`a#2`) is another row's real
// id or a missing id's stand-in (`row-3`) is one: React keys and selection read these ids.
import { normalizeTraces } from "../../src/core/traceRows";
import { traceTableRows } from "../../src/components/TracesTable/tracesTableRows";

const at = "2025-06-01T12:00:00.000Z";
const input = [
  { id: "a#2", createdAt: at, events: [] },
  { id: "a", createdAt: at, events: [] },
  { id: "a", createdAt: at, events: [] },
  { id: "row-4", createdAt: at, events: [] },
  { createdAt: at, events: [] },
];

describe("trace row ids", () => {
  it("are unique in the normalised list and in the table's rows", () => {
    const ids = normalizeTraces(input).map((trace) => trace.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids.slice(0, 2)).toEqual(["a#2", "a"]);
    const rows = traceTableRows(input);
    const tableIds = Array.from({ length: rows.count }, (_, i) => rows.idAt(i));
    expect(new Set(tableIds).size).toBe(5);
    expect(rows.indexOf("a#2")).toBeGreaterThanOrEqual(0);
  });
});
