// @vitest-environment node
// Labelling events at ingestion with the embedded models, and the names the core readers read back.
import { readEventLabels } from "../../src/core";
import { createEventLabeler, type EventLabeler } from "../../src/inference";

let labeler: EventLabeler;
beforeAll(() => {
  labeler = createEventLabeler();
});
afterAll(() => labeler.dispose());

const generation = (input: unknown, output: unknown, extra: Record<string, unknown> = {}) => ({
  event: "$ai_generation",
  distinct_id: "user-1",
  properties: { $ai_trace_id: "t1", $ai_input: input, $ai_output_choices: output, ...extra } as Record<string, unknown>,
});

describe("createEventLabeler", () => {
  it("adds tracelens' and PostHog-LLM's properties for both sides of a generation", async () => {
    const [event] = await labeler.labelEvents([
      generation(
        [{ role: "system", content: "Be brief." }, { role: "user", content: "Thank you so much, that fixed it!" }],
        [{ role: "assistant", content: "Glad it worked! Anything else?" }],
      ),
    ]);
    const p = event!.properties;
    expect(p).toMatchObject({ $ai_trace_id: "t1", tracelens_user_sentiment: "positive" });
    expect(p.tracelens_user_emotions).toContain("gratitude");
    expect(p.user_emotion).toBe((p.tracelens_user_emotions as string[]).find((l) => l !== "neutral") ?? "");
    expect(p).toMatchObject({ user_toxicity: 0, user_severe_toxicity: 0, agent_toxicity: 0, agent_severe_toxicity: 0, tracelens_user_toxicity: [] });
    expect(typeof p.agent_emotion).toBe("string");
    expect(["negative", "neutral", "positive"]).toContain(p.tracelens_agent_sentiment);
    const labels = readEventLabels(p);
    expect(labels.user.sentiment?.label).toBe("positive");
    expect(labels.user.emotion?.source).toBe("tracelens");
    expect(labels.agent.toxicity?.toxic).toBe(false);
  });

  it("leaves other events untouched and does not change the input events", async () => {
    const pageview = { event: "$pageview", properties: { $current_url: "/" } as Record<string, unknown> };
    const original = generation("Why is my build failing again? This is so frustrating.", "Let's look at the log.");
    const snapshot = structuredClone(original);
    const [first, second] = await labeler.labelEvents([pageview, original]);
    expect(first).toBe(pageview);
    expect(original).toEqual(snapshot);
    expect(second!.properties.tracelens_user_sentiment).toBe("negative");
  });

  it("labels PostHog-LLM task events ($llm_input / $llm_output)", async () => {
    const [event] = await labeler.labelEvents([{ event: "llm-task", properties: { $llm_input: "I'm really worried about my exam", $llm_output: "You'll do fine." } as Record<string, unknown> }]);
    expect(event!.properties!.tracelens_user_emotions).toBeDefined();
    expect(event!.properties!.user_toxicity).toBe(0);
  });

  it("labels a properties bag without texts with nothing, and survives junk", async () => {
    expect(await labeler.labelProperties({ $ai_model: "gpt" })).toEqual({ $ai_model: "gpt" });
    expect(await labeler.labelProperties(null)).toEqual({});
    expect(await labeler.labelProperties({ $ai_input: [{ role: "tool", content: "42" }], $ai_output_choices: 17 })).toEqual({
      $ai_input: [{ role: "tool", content: "42" }],
      $ai_output_choices: 17,
    });
  });

  it("can label only one side and skip PostHog-LLM's names", async () => {
    const only = createEventLabeler({ sides: ["user"], posthogLlmNames: false, sentiment: false });
    const p = await only.labelProperties({ $ai_input: "hello there", $ai_output_choices: "hi" });
    expect(Object.keys(p).filter((k) => k.startsWith("tracelens_")).sort()).toEqual([
      "tracelens_user_emotion_scores", "tracelens_user_emotions", "tracelens_user_toxicity", "tracelens_user_toxicity_scores",
    ]);
    expect(p).not.toHaveProperty("user_emotion");
    await only.dispose();
  });
});
