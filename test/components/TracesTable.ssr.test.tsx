// @vitest-environment node
import { renderToString } from "react-dom/server";
import { GenerationsTable, SentimentOverview, TracesTable } from "../../src/all";
import { FIXTURE_NOW, fixtureTraces, syntheticTraces } from "../../stories/fixtures/tableFixtures";

test("the tables and the overview render on the server without touching window", () => {
  expect(typeof window).toBe("undefined");
  const traces = renderToString(<TracesTable traces={fixtureTraces} now={FIXTURE_NOW} persistKey="ssr-layout" />);
  expect(traces).toContain('aria-label="Traces"');
  expect(traces).toContain(`aria-rowcount="${fixtureTraces.length + 1}"`);
  expect(traces).toContain("support_chat");
  const generations = renderToString(<GenerationsTable traces={fixtureTraces.slice(0, 2)} now={FIXTURE_NOW} />);
  expect(generations).toContain('aria-label="Generations"');
  const overview = renderToString(<SentimentOverview traces={syntheticTraces(50)} defaultGroupBy="model" />);
  expect(overview).toContain("Sentiment of traces by model");
});
