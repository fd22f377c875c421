import { EVENT_LABEL_PROPERTIES, hasEventLabels, readEventLabels, readSideLabels } from "../../src/core";

describe("readEventLabels", () => {
  it("reads tracelens' own properties on both sides", () => {
    const labels = readEventLabels({
      tracelens_user_sentiment: "negative",
      tracelens_user_sentiment_score: 0.91,
      tracelens_user_emotions: ["annoyance", "neutral"],
      tracelens_user_emotion_scores: { annoyance: 0.62, neutral: 0.4 },
      tracelens_user_toxicity: ["offensive_language"],
      tracelens_agent_sentiment: "positive",
      tracelens_agent_emotions: ["neutral"],
      tracelens_agent_toxicity: [],
    });
    expect(labels.user.sentiment).toEqual({ label: "negative", score: 0.91 });
    expect(labels.user.emotion).toEqual({ labels: ["annoyance", "neutral"], primary: "annoyance", scores: { annoyance: 0.62, neutral: 0.4 }, source: "tracelens" });
    expect(labels.user.toxicity).toMatchObject({ labels: ["offensive_language"], toxic: true, severe: false, source: "tracelens" });
    expect(labels.agent.sentiment).toEqual({ label: "positive", score: null });
    expect(labels.agent.emotion).toMatchObject({ labels: ["neutral"], primary: null });
    expect(labels.agent.toxicity).toMatchObject({ labels: [], toxic: false, severe: false });
    expect(hasEventLabels(labels)).toBe(true);
  });

  it("reads PostHog-LLM's property names, including its empty emotion and dropped zeros", () => {
    const labels = readEventLabels({ user_emotion: "anger", user_toxicity: 1, user_severe_toxicity: 0, agent_emotion: "" });
    expect(labels.user.emotion).toEqual({ labels: ["anger"], primary: "anger", scores: null, source: "posthog-llm" });
    expect(labels.user.toxicity).toEqual({ labels: ["toxicity"], toxic: true, severe: false, scores: null, source: "posthog-llm" });
    expect(labels.agent.emotion).toEqual({ labels: [], primary: null, scores: null, source: "posthog-llm" });
    expect(labels.agent.toxicity).toBeNull(); // never written: unknown, not "clean"
    expect(readSideLabels({ agent_severe_toxicity: "1" }, "agent").toxicity).toMatchObject({ toxic: true, severe: true, labels: ["severe_toxicity"] });
  });

  it("prefers tracelens' properties over PostHog-LLM's when both are present", () => {
    const labels = readEventLabels({ user_emotion: "joy", tracelens_user_emotions: ["gratitude"], user_toxicity: 1, tracelens_user_toxicity: [] });
    expect(labels.user.emotion?.labels).toEqual(["gratitude"]);
    expect(labels.user.toxicity?.toxic).toBe(false);
  });

  it.each([null, undefined, 42, "text", [], { tracelens_user_sentiment: "furious", tracelens_user_emotions: 5, user_toxicity: "maybe" }])(
    "reads nothing (and does not throw) from %j",
    (properties) => {
      const labels = readEventLabels(properties);
      expect(hasEventLabels(labels)).toBe(false);
    },
  );

  it("drops scores outside 0–1 and list items that are not strings; accepts JSON-text lists", () => {
    const side = readSideLabels(
      { tracelens_user_emotions: '["joy", 3]', tracelens_user_emotion_scores: { joy: 0.8, anger: 7, fear: "x" }, tracelens_user_sentiment: "POSITIVE", tracelens_user_sentiment_score: 3 },
      "user",
    );
    expect(side.emotion?.labels).toEqual(["joy"]);
    expect(side.emotion?.scores).toEqual({ joy: 0.8 });
    expect(side.sentiment).toEqual({ label: "positive", score: null });
  });

  it("names PostHog-LLM's six properties", () => {
    const names = [EVENT_LABEL_PROPERTIES.user, EVENT_LABEL_PROPERTIES.agent].flatMap((side) => [side.posthogLlmEmotion, side.posthogLlmToxicity, side.posthogLlmSevereToxicity]);
    expect(names.sort()).toEqual(["agent_emotion", "agent_severe_toxicity", "agent_toxicity", "user_emotion", "user_severe_toxicity", "user_toxicity"]);
  });
});
