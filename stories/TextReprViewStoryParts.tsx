import { useMemo, useState, type ComponentProps } from "react";
import { TextReprView, eventTextReprRequest } from "../src/all";
import { formatTextRepr, type LLMTrace, type LLMTraceEvent, type LineRefRange, type TextReprEventType } from "../src/core";
import { traceTextReprData } from "../src/components/TraceDetail";
import { buildTraceTree } from "../src/core";
import codingAgent from "../test/fixtures/traces/coding-agent.json";
import huge300kb from "../test/fixtures/traces/huge-300kb-message.json";

const coding = codingAgent as unknown as LLMTrace;

/** The coding-agent trace as PostHog's text_repr renders it (markers and line numbers on). */
export function codingAgentTraceText(options: { include_markers?: boolean } = {}): string {
  return formatTextRepr("$ai_trace", traceTextReprData(buildTraceTree(coding), coding), { include_line_numbers: true, ...options }).text;
}

/** One event's text_repr (a generation with six tools, or the 300 KB message with truncation markers). */
export function eventText(which: "toolsGeneration" | "hugeMessage"): string {
  const event: LLMTraceEvent =
    which === "toolsGeneration"
      ? (coding.events.filter((e) => e.event === "$ai_generation")[3] as LLMTraceEvent)
      : ((huge300kb as unknown as LLMTrace).events[0] as LLMTraceEvent);
  const request = eventTextReprRequest(event, { include_line_numbers: true });
  return formatTextRepr(request.event_type as TextReprEventType, request.data, request.options).text;
}

/** Hostile text: HTML, script-ish URLs and a marker with a quote-breaking event id. */
export const hostileText = [
  "L1: <img src=x onerror=\"window.__tlPwned=1\"> and <script>window.__tlPwned=1</script>",
  "L2: javascript:window.__tlPwned=1 and https://example.com/ok?x=<b>",
  "L3: <<<EVENT_LINK|x\" onclick=\"window.__tlPwned=1|[EVENT]>>> link",
  "L4: <<<TRUNCATED|PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg==|22>>> (decodes to an img tag)",
].join("\n");

/** A summary-panel stand-in: line-reference buttons that drive `highlightLines`. */
export function LineRefDemo({ refs, ...props }: ComponentProps<typeof TextReprView> & { refs: Array<{ label: string; range: LineRefRange }> }) {
  const [highlight, setHighlight] = useState<LineRefRange | null>(null);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <div style={{ display: "flex", gap: 8 }}>
        {refs.map((ref) => (
          <button key={ref.label} type="button" onClick={() => setHighlight(ref.range)}>
            {ref.label}
          </button>
        ))}
        <button type="button" onClick={() => setHighlight(null)}>
          Clear
        </button>
      </div>
      <TextReprView {...props} highlightLines={highlight} maxHeight={320} />
    </div>
  );
}

/** The 2 MB text_repr request of the bench fixture, formatted in the browser. */
export function TwoMegabyteView({ data, markers, ...props }: ComponentProps<typeof TextReprView> & { data: unknown; markers: boolean }) {
  const text = useMemo(() => formatTextRepr("$ai_trace", data, { include_line_numbers: true, include_markers: markers, max_length: 10_000_000 }).text, [data, markers]);
  return <TextReprView {...props} text={text} maxHeight={480} />;
}
