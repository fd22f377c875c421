import {
  extractClassifiedUserMessages,
  extractSentimentEvalMessages,
  extractUserMessages,
} from "../../src/core/sentiment";
import type { ExtractedUserMessage } from "../../src/core/sentiment";
import { sentimentParity } from "./sentimentParityFixture";
import type { IndexedText } from "./sentimentParityFixture";

const pairs = (messages: ExtractedUserMessage[]): IndexedText[] => messages.map((m) => [m.index, m.text]);
const cases = sentimentParity.extract;

describe("parity: extract_user_messages_individually (expected)", () => {
  it("has every recorded case", () => expect(cases.length).toBe(72));
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(pairs(extractUserMessages(c.input))).toEqual(c.expected);
  });
});

describe("parity: classified texts, last 2000 code points (expected_classified)", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(pairs(extractClassifiedUserMessages(c.input))).toEqual(c.expected_classified);
  });
});

describe("parity: sentiment-eval variant, last message head/tail cut (expected_eval)", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(pairs(extractSentimentEvalMessages(c.input))).toEqual(c.expected_eval);
  });
});
