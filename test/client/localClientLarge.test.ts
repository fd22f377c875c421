// @vitest-environment node
/** The local client over many host traces: completed once, looked up by id, and never in one long task. */
import { createLocalClient } from "../../src/client/clientLocal";
import type { LLMTrace } from "../../src/core/eventsTrace";
import { fakeClassifier } from "./helpers";

const at = new Date(Date.now() - 3_600_000).toISOString();
function trace(id: string, text: string): LLMTrace {
  return { id, createdAt: at, events: [{ id: `${id}-g`, event: "$ai_generation", createdAt: at, properties: { $ai_trace_id: id, $ai_input: [{ role: "user", content: text }] } }] };
}
const many = (count: number) => Array.from({ length: count }, (_, i) => trace(`t${i}`, `message ${i}`));

describe("local client with many traces", () => {
  it("lets other tasks run while it completes thousands of traces", async () => {
    const client = createLocalClient({ traces: many(2_600), classifier: fakeClassifier() });
    let ran = false;
    setTimeout(() => (ran = true), 0);
    const results = await client.sentiment({ ids: ["t2599"] });
    expect(ran).toBe(true);
    expect(results.t2599).toMatchObject({ trace_id: "t2599", generation_count: 1 });
  });

  it("finds a trace by id as a scan would: the first of duplicate ids, and one the host appended later", async () => {
    const traces = [trace("a", "first"), trace("a", "second"), trace("b", "other")];
    const client = createLocalClient({ traces });
    expect((await client.getTrace({ traceId: "a" }))?.events[0]?.properties?.$ai_input).toEqual([{ role: "user", content: "first" }]);
    expect(await client.getTrace({ traceId: "c" })).toBeNull();
    traces.push(trace("c", "late"));
    expect((await client.getTrace({ traceId: "c" }))?.id).toBe("c");
  });
});
