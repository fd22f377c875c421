import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isPostHogLlmFeedbackEvent,
  isPostHogLlmTaskEvent,
  normalizePostHogLlmEvents,
  parseChatMlString,
  postHogLlmTraces,
} from "../../src/core/posthogLlm";
import { buildTraceTree } from "../../src/core/trace";
import { parseMessages, parseOutputMessages } from "../../src/core/messages";
import { isAiEventName } from "../../src/core/events";

/** A conversation as PostHog-LLM's demo uploader captures it: one llm-task per turn pair. */
const conversation = [
  {
    uuid: "t1",
    event: "llm-task",
    distinct_id: "user-1",
    timestamp: "2024-02-03T00:00:13Z",
    properties: { $llm_input: "give me some python", $llm_output: "Sure: print('hi')", $session_id: "00B9jFM", model: "gpt-3.5-turbo", device_type: "mobile" },
  },
  {
    uuid: "t2",
    event: "llm-task",
    distinct_id: "user-1",
    timestamp: "2024-02-03T00:00:25Z",
    properties: {
      $llm_input: [
        { role: "user", content: "give me some python" },
        { role: "agent", content: "Sure: print('hi')" },
        { role: "user", content: "Give me a javascript Fibonacci" },
      ],
      $llm_output: "function fib(n) { ... }",
      $session_id: "00B9jFM",
      $llm_latency: 2.5,
      prompt_tokens: 30,
      completion_tokens: 12,
    },
  },
  { uuid: "f1", event: "llm-feedback", distinct_id: "user-1", timestamp: "2024-02-03T00:00:20Z", properties: { $session_id: "00B9jFM", $llm_feedback: "thumbs_up" } },
  { uuid: "f2", event: "llm-thumbs-down", distinct_id: "user-1", timestamp: "2024-02-03T00:01:00Z", properties: { $session_id: "00B9jFM", comment: "wrong language" } },
  { uuid: "p1", event: "$pageview", timestamp: "2024-02-03T00:00:00Z", properties: { $session_id: "00B9jFM" } },
];

describe("normalizePostHogLlmEvents", () => {
  const events = normalizePostHogLlmEvents(conversation);

  it("turns tasks into generations and thumbs into feedback, dropping unrelated events", () => {
    expect(events.map((e) => `${e.id}:${e.event}`)).toEqual(["t1:$ai_generation", "t2:$ai_generation", "f1:$ai_feedback", "f2:$ai_feedback"]);
    expect(events[0]).toMatchObject({ createdAt: "2024-02-03T00:00:13Z", distinct_id: "user-1" });
  });

  it("maps input, output, session, ids and the chosen property names", () => {
    const [first, second] = events;
    expect(first?.properties).toMatchObject({
      $ai_trace_id: "00B9jFM",
      $ai_session_id: "00B9jFM",
      $ai_generation_id: "t1",
      $ai_parent_id: "00B9jFM",
      $ai_input: [{ role: "user", content: "give me some python" }],
      $ai_output_choices: [{ role: "assistant", content: "Sure: print('hi')" }],
      $ai_model: "gpt-3.5-turbo",
      $ai_lib: "posthog-llm",
      device_type: "mobile",
      $llm_input: "give me some python",
    });
    expect(second?.properties).toMatchObject({ $ai_latency: 2.5, $ai_input_tokens: 30, $ai_output_tokens: 12 });
    expect((second?.properties.$ai_input as Array<{ role: string }>).map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    // The components' parser reads them like any OpenAI conversation.
    expect(parseMessages(second?.properties.$ai_input).map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(parseOutputMessages(second?.properties.$ai_output_choices)[0]?.parts).toEqual([{ kind: "text", text: "function fib(n) { ... }" }]);
  });

  it("links feedback to the latest task of the session at that time", () => {
    const [, , up, down] = events;
    expect(up?.properties).toMatchObject({ $ai_trace_id: "00B9jFM", $ai_parent_id: "t1", $ai_feedback_text: "thumbs up", $ai_feedback_score: 1 });
    expect(down?.properties).toMatchObject({ $ai_parent_id: "t2", $ai_feedback_text: "wrong language", $ai_feedback_score: -1 });
    const tree = buildTraceTree(events);
    expect(tree.root.children.map((n) => n.key)).toEqual(["t1", "t2"]);
    expect(tree.nodesByKey.get("t1")?.annotations.feedback).toHaveLength(1);
    expect(tree.nodesByKey.get("t2")?.annotations.feedback).toHaveLength(1);
    expect(tree.metrics.inputTokens).toBe(30);
  });

  it("builds one trace per session, or per task", () => {
    const bySession = postHogLlmTraces(conversation);
    expect(bySession.map((t) => [t.id, t.events.length, t.aiSessionId])).toEqual([["00B9jFM", 4, "00B9jFM"]]);
    expect(bySession[0]?.distinctId).toBe("user-1");
    const byTask = postHogLlmTraces(conversation, { traceBy: "task" });
    expect(byTask.map((t) => [t.id, t.events.map((e) => e.id)])).toEqual([
      ["t2", ["t2", "f2"]],
      ["t1", ["t1", "f1"]],
    ]);
  });

  it("resolves explicit targets, ChatML strings, ids and passes $ai_* events through", () => {
    const out = normalizePostHogLlmEvents([
      { event: "llm-summarize", timestamp: 1_700_000_000_000, properties: { $llm_input: "<|im_start|>system\nBe short<|im_end|>\n<|im_start|>user\nSum it up<|im_end|>\n<|im_start|>assistant\n", $llm_output: { role: "bot", content: "ok" } } },
      { event: "thumbs-up", properties: { $llm_task_id: "posthog-llm-0" } },
      { event: "$ai_generation", uuid: "x", properties: { $ai_trace_id: "tr" } },
      "junk",
      null,
    ]);
    expect(out.map((e) => `${e.id}:${e.event}`)).toEqual(["posthog-llm-0:$ai_generation", "posthog-llm-1:$ai_feedback", "x:$ai_generation"]);
    expect(out[0]?.createdAt).toBe("2023-11-14T22:13:20.000Z");
    expect(out[0]?.properties).toMatchObject({
      $ai_span_name: "llm-summarize",
      $ai_input: [{ role: "system", content: "Be short" }, { role: "user", content: "Sum it up" }],
      $ai_output_choices: [{ role: "assistant", content: "ok" }],
      $ai_trace_id: "posthog-llm-0",
    });
    expect(out[1]?.properties).toMatchObject({ $ai_parent_id: "posthog-llm-0", $ai_trace_id: "posthog-llm-0", $ai_feedback_score: 1 });
  });

  it("classifies events", () => {
    expect(isPostHogLlmTaskEvent({ event: "llm-task", properties: { $llm_output: "a" } })).toBe(true);
    expect(isPostHogLlmTaskEvent({ event: "llm-task", properties: {} })).toBe(false);
    expect(isPostHogLlmTaskEvent({ event: "task", properties: { $llm_input: "a" } })).toBe(false);
    expect(isPostHogLlmFeedbackEvent({ event: "llm-rating", properties: {} })).toBe(true);
    expect(isPostHogLlmFeedbackEvent({ event: "llm-anything", properties: { $llm_feedback: -1 } })).toBe(true);
    expect(parseChatMlString("no tokens here")).toBeNull();
  });
});

describe("normalizePostHogLlmEvents properties", () => {
  const rawEvent = fc.record(
    {
      uuid: fc.oneof(fc.constantFrom("a", "b", "c"), fc.anything()),
      event: fc.oneof(fc.constantFrom("llm-task", "llm-chat", "llm-feedback", "thumbs-down", "llm-thumbs-up", "$ai_generation", "$ai_metric", "$pageview"), fc.anything()),
      timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer(), fc.anything()),
      distinct_id: fc.anything(),
      properties: fc.oneof(
        fc.record(
          {
            $llm_input: fc.oneof(fc.string(), fc.array(fc.oneof(fc.record({ role: fc.anything(), content: fc.anything() }), fc.anything())), fc.anything()),
            $llm_output: fc.anything(),
            $session_id: fc.oneof(fc.constantFrom("s1", "s2"), fc.anything()),
            $llm_feedback: fc.anything(),
            $llm_task_id: fc.oneof(fc.constantFrom("a", "b"), fc.anything()),
            model: fc.anything(),
            latency: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  );

  it("never throws and emits well-formed $ai_* events", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 6, arbitrary: rawEvent }, { weight: 1, arbitrary: fc.anything() }), { maxLength: 25 }), (input) => {
        const out = normalizePostHogLlmEvents(input);
        const tasks = input.filter(isPostHogLlmTaskEvent).length;
        const feedback = input.filter(isPostHogLlmFeedbackEvent).length;
        expect(out.filter((e) => e.event === "$ai_feedback").length).toBeGreaterThanOrEqual(feedback);
        expect(out.length).toBeLessThanOrEqual(input.length);
        expect(out.length).toBeGreaterThanOrEqual(tasks + feedback);
        for (const event of out) {
          expect(isAiEventName(event.event)).toBe(true);
          expect(typeof event.id).toBe("string");
          expect(typeof event.createdAt).toBe("string");
          expect(typeof event.properties).toBe("object");
        }
        for (const event of out.filter((e) => e.event === "$ai_generation").slice(0, tasks)) {
          expect(parseMessages(event.properties.$ai_input).length).toBeGreaterThanOrEqual(0);
        }
        const traces = postHogLlmTraces(input);
        for (const trace of traces) expect(buildTraceTree(trace).root.kind).toBe("trace");
      }),
      { numRuns: 300 },
    );
  });
});
