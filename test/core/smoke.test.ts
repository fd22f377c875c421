import { SENTIMENT_LABELS } from "../../src/core/sentiment/types";

test("core test project runs in node", () => {
  expect(SENTIMENT_LABELS).toEqual(["negative", "neutral", "positive"]);
  expect(typeof window).toBe("undefined");
});
