// Generation rows keep one row per distinct event, each with its own row id, even when the ids that
// duplicates get (`id#index`) meet a suffixed id from another trace (fuzz seed 398939968).
import { generationRows } from "../../src/core/generationRows";
import type { LLMTrace, LLMTraceEvent } from "../../src/core";

const generation = (id: string, model: string): LLMTraceEvent => ({ id, event: "$ai_generation", createdAt: "2025-06-01T12:00:00.000Z", properties: { $ai_trace_id: "t", $ai_model: model } });
const trace = (events: LLMTraceEvent[]): LLMTrace => ({ id: "t", createdAt: "2025-06-01T12:00:00.000Z", events });

describe("generationRows", () => {
  it("gives every kept generation its own row id when suffixed ids collide across traces", () => {
    // The exact copy of e0 counts once; e1 with other content keeps a row (`e1#3`), as in the tree.
    const first = trace([generation("e0", "a"), generation("e1", "b"), generation("e0", "a"), generation("e1", "b2")]);
    const second = trace([generation("e1", "c"), generation("e9", "d")]);
    const rows = generationRows(undefined, [first, second]);
    const ids = rows.map((row) => row.rowId);
    expect(rows.map((row) => row.event.properties?.$ai_model)).toEqual(["a", "b", "b2", "c", "d"]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
