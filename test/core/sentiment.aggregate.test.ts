import {
  buildGenerationSentiment,
  buildTraceSentiment,
  collectSentimentInputs,
  messageSentiment,
} from "../../src/core/sentiment";
import type { SentimentScores } from "../../src/core/sentiment";
import { aggregateCases } from "./sentimentParityFixture";
import type { AggregateCase } from "./sentimentParityFixture";

interface RecordedMessage {
  msg_index: number;
  text: string;
  pipeline_output: unknown;
  gen_uuid?: string;
}

const named = (cases: AggregateCase[]) => cases.map((c) => [c.name, c] as const);

/** Score maps are compared as maps by toEqual; this also pins the insertion order PostHog used. */
function expectSameKeyOrder(actual: SentimentScores, expected: unknown): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected as object));
}

describe("parity: message level", () => {
  const cases = aggregateCases("message");
  it("has every recorded case", () => expect(cases.length).toBe(7));
  it.each(named(cases))("%s", (_name, c) => {
    const result = messageSentiment(c.input.pipeline_output);
    expect(result).toEqual(c.expected);
    expectSameKeyOrder(result.scores, c.expected.scores);
  });
});

describe("parity: generation level (neutral margin 0.10)", () => {
  const cases = aggregateCases("generation");
  it("has every recorded case", () => expect(cases.length).toBe(22));
  it.each(named(cases))("%s", (_name, c) => {
    const messages = (c.input.messages as RecordedMessage[]).map((m) => ({
      index: m.msg_index,
      text: m.text,
      output: m.pipeline_output,
    }));
    const result = buildGenerationSentiment(messages);
    expect(result).toEqual(c.expected);
    expectSameKeyOrder(result.scores, c.expected.scores);
  });
});

describe("parity: trace level (plain argmax, flat mean)", () => {
  const cases = aggregateCases("trace");
  it("has every recorded case", () => expect(cases.length).toBe(13));
  it.each(named(cases))("%s", (_name, c) => {
    const messages = (c.input.messages as RecordedMessage[]).map((m) => ({
      generationId: m.gen_uuid ?? "",
      index: m.msg_index,
      text: m.text,
      output: m.pipeline_output,
    }));
    const result = buildTraceSentiment(c.input.trace_id as string, messages);
    expect(result).toEqual(c.expected);
    expect(Object.keys(result.generations)).toEqual(Object.keys(c.expected.generations as object));
  });
});

describe("parity: trace pipeline (collect_pending + trace result)", () => {
  const cases = aggregateCases("trace_pipeline");
  it("has every recorded case", () => expect(cases.length).toBe(8));
  it.each(named(cases))("%s", (_name, c) => {
    const generations = (c.input.generations as Array<{ uuid: string; ai_input: unknown }>).map((g) => ({
      id: g.uuid,
      input: g.ai_input,
    }));
    const pending = collectSentimentInputs(generations, c.input.cap as number);
    const expected = c.expected as { pending: Array<[string, number, string]>; result: unknown };
    expect(pending.map((p) => [p.generationId, p.index, p.text])).toEqual(expected.pending);
    const outputs = c.input.pipeline_outputs as unknown[];
    const result = buildTraceSentiment(
      c.input.trace_id as string,
      pending.map((p, i) => ({ ...p, output: outputs[i] })),
    );
    expect(result).toEqual(expected.result);
  });
});
