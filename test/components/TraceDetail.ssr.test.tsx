// @vitest-environment node
import { renderToString } from "react-dom/server";
import { TextReprView, TraceDetail } from "../../src/all";
import { fixtureTraces as t } from "../../stories/TraceDetailStoryParts";
import { codingAgentTraceText } from "../../stories/TextReprViewStoryParts";

test("TraceDetail renders on the server with a first window of rows", () => {
  expect(typeof window).toBe("undefined");
  const html = renderToString(<TraceDetail trace={t.codingAgent} />);
  expect(html).toContain('data-slot="trace-detail"');
  expect(html).toContain('role="tree"');
  expect((html.match(/role="treeitem"/g) ?? []).length).toBeGreaterThan(5);
  expect(html).not.toContain('role="tooltip"');
});

test("TextReprView renders on the server", () => {
  const html = renderToString(<TextReprView text={codingAgentTraceText()} />);
  expect(html).toContain('data-slot="text-repr-line"');
});
