// @vitest-environment node
import { renderToString } from "react-dom/server";
import { SentimentBar } from "../../src/all";
import { frustratedGeneration } from "../../stories/fixtures/sentimentResults";

test("renders on the server without touching window, tooltip closed", () => {
  expect(typeof window).toBe("undefined");
  const html = renderToString(<SentimentBar sentiment={frustratedGeneration} variant="stacked" />);
  expect(html).toContain('data-slot="sentiment-bar"');
  expect(html).toContain('aria-label="Negative 72%, strongest positive message 40%, strongest negative message 91%;');
  expect(html).not.toContain('role="tooltip"');
});
