/**
 * Hostile input for the XSS and robustness suites: every string of the Big List of Naughty Strings
 * plus crafted payloads that call `window.__tlXss(tag)` if they ever run, spread over every
 * text-bearing field of traces, events, persons and text_repr markers.
 */
import type { EvaluationSummaryResponseBody, LLMTrace, LLMTraceEvent, SummarizationSummary } from "../../src/core";
import naughty from "../fixtures/naughty-strings/blns.json";

const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const run = (tag: string) => `window.__tlXss('${tag}')`;

/** Payloads that execute or navigate if any of them is ever treated as HTML, a URL or markdown HTML. */
export const PAYLOADS: readonly string[] = [
  `<img src=x onerror="${run("img")}">`,
  `<svg onload="${run("svg")}"><circle r=1 /></svg>`,
  `<iframe srcdoc="<script>parent.__tlXss('iframe')</script>"></iframe>`,
  `<script>${run("script")}</script>`,
  `"><img src=x onerror=${run("attr")}>`,
  `<a href="javascript:${run("a")}">html link</a>`,
  `[md link](javascript:${run("md")})`,
  `[spaced](  javascript:${run("spaced")}  )`,
  `[case](JaVaScRiPt:${run("case")})`,
  `[entity](jav&#x09;ascript:${run("entity")})`,
  `[data html](data:text/html;base64,${b64(`<script>parent.__tlXss('data')</script>`)})`,
  `[vb](vbscript:msgbox(1))`,
  `<javascript:${run("autolink")}>`,
  `<data:text/html,<script>${run("autodata")}</script>>`,
  `[ref link][evil]\n\n[evil]: javascript:${run("ref")}`,
  `![md image](javascript:${run("mdimg")})`,
  `![svg image](data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${run("svgimg")}"/>`)})`,
  `<form action="javascript:${run("form")}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run("meta")}">`,
  `<object data="javascript:${run("object")}"></object><embed src="javascript:${run("embed")}">`,
  `<base href="javascript:${run("base")}//">`,
  `<style>*{display:none!important}</style>`,
  `<details open ontoggle=${run("details")}>`,
  `{{constructor.constructor('${run("template")}')()}}`,
  `javascript:${run("bare")}`,
];

/** text_repr lines whose markers carry hostile base64 and hostile tails. */
export const HOSTILE_TEXT_REPR: string = [
  `L1: <img src=x onerror="${run("tr-img")}">`,
  `L2: <<<TRUNCATED|${b64(`<img src=x onerror=${run("tr-trunc")}>`)}|40>>>`,
  `L3: <<<TOOLS_EXPANDABLE|${b64(`<svg onload=${run("tr-tools")}>`)}|3>>>`,
  `L4: <<<GEN_EXPANDABLE|${b64(`[x](javascript:${run("tr-gen")})`)}|2>>>`,
  `L5: <<<EVENT_LINK|x" onclick="${run("tr-link")}|[EVENT]>>>`,
  `L6: <<<TRUNCATED|!!!not base64!!!|9>>>`,
  `L7: <<<GEN_EXPANDABLE|${b64("\u0000\uFFFF\uD800")}|1>>>`,
].join("\n");

/** Every naughty string and every payload, in one list. */
export const HOSTILE_STRINGS: readonly string[] = [...(naughty as string[]), ...PAYLOADS];

const at = (i: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, i)).toISOString();

/** One trace that carries `strings` in every text field a component may show. */
export function hostileTrace(strings: readonly string[], id = "hostile"): LLMTrace {
  const pick = (i: number) => strings[i % strings.length] ?? "";
  const events: LLMTraceEvent[] = strings.flatMap((text, i): LLMTraceEvent[] => [
    {
      id: `${id}-span-${i}`,
      event: "$ai_span",
      createdAt: at(i * 2),
      properties: { $ai_trace_id: id, $ai_parent_id: id, $ai_span_id: `${id}-s${i}`, $ai_span_name: text, $ai_latency: 0.5, $ai_input_state: { text }, $ai_output_state: text, $ai_error: text, $ai_is_error: i % 3 === 0 },
    },
    {
      id: `${id}-gen-${i}`,
      event: "$ai_generation",
      createdAt: at(i * 2 + 1),
      properties: {
        $ai_trace_id: id,
        $ai_parent_id: `${id}-s${i}`,
        $ai_generation_id: `${id}-g${i}`,
        $ai_model: text,
        $ai_provider: pick(i + 1),
        $ai_latency: 0.25,
        $ai_input_tokens: 10,
        $ai_output_tokens: 5,
        $ai_total_cost_usd: 0.001,
        $ai_input: [
          { role: "system", content: pick(i + 2) },
          { role: "user", content: text },
          { role: "assistant", content: [{ type: "text", text: pick(i + 3) }, { type: "image_url", image_url: { url: `javascript:${run("content-img")}` } }], tool_calls: [{ id: `c${i}`, type: "function", function: { name: text, arguments: JSON.stringify({ q: text }) } }] },
          { role: "tool", tool_call_id: `c${i}`, content: pick(i + 4) },
        ],
        $ai_output_choices: [{ role: "assistant", content: `${text}\n\n[link](javascript:${run("out")}) ${pick(i + 5)}` }],
        $ai_tools: [{ type: "function", function: { name: text, description: pick(i + 6), parameters: { type: "object" } } }],
        $ai_error: i % 4 === 0 ? text : undefined,
        $ai_is_error: i % 4 === 0,
      },
    },
  ]);
  return {
    id,
    createdAt: at(0),
    traceName: pick(0),
    person: { uuid: "p", distinct_id: pick(1), created_at: at(0), properties: { email: pick(2), name: pick(3), plan: pick(4), $geoip_country_code: pick(5) } },
    totalLatency: 1,
    inputTokens: 10,
    outputTokens: 5,
    inputCost: 0.001,
    outputCost: 0.001,
    totalCost: 0.002,
    inputState: { text: pick(6) },
    outputState: pick(7),
    events,
  } as LLMTrace;
}

/** The hostile strings cut into groups, one trace each (so every string is shown somewhere). */
export function hostileTraces(perTrace = 45): LLMTrace[] {
  const traces: LLMTrace[] = [];
  for (let i = 0; i < HOSTILE_STRINGS.length; i += perTrace) traces.push(hostileTrace(HOSTILE_STRINGS.slice(i, i + perTrace), `hostile-${i / perTrace}`));
  return traces;
}

/** The hostile strings cut into groups of `size`, so each render stays small. */
export function hostileChunks(size: number): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < HOSTILE_STRINGS.length; i += size) chunks.push(HOSTILE_STRINGS.slice(i, i + size));
  return chunks;
}

/** Line-numbered text whose every line is one of `strings`, for line references to point into. */
export const hostileLines = (strings: readonly string[]): string => strings.map((s, i) => `L${i + 1}: ${s.replace(/\n/g, " ")}`).join("\n");

/**
 * A model summary with `strings` in every field: the flow diagram, bullets (each also citing a real
 * line, so the reference splitter runs over the hostile text), notes, and line_refs themselves.
 */
export function hostileSummaryOf(strings: readonly string[], title = strings[0] ?? ""): SummarizationSummary {
  return {
    title,
    flow_diagram: strings.map((s, i) => `${s} (L${i + 1})`).join("\n  ↓\n"),
    summary_bullets: strings.map((text, i) => ({ text: `${text} [L${i + 1}]`, line_refs: i % 2 ? text : `L${i + 1}` })),
    interesting_notes: strings.map((text, i) => ({ text: `L${i + 1}-${i + 2}: ${text}`, line_refs: text })),
  };
}

/** An evaluation summary with `strings` in the assessment, every pattern field, example ids and recommendations. */
export function hostileEvaluationSummaryOf(strings: readonly string[]): EvaluationSummaryResponseBody {
  const patterns = strings.map((s, i) => ({ title: s, description: s, frequency: s, example_reasoning: s, example_generation_ids: [s, `gen-${i}`] }));
  const third = Math.ceil(patterns.length / 3);
  return {
    overall_assessment: strings.join("\n\n"),
    pass_patterns: patterns.slice(0, third),
    fail_patterns: patterns.slice(third, 2 * third),
    na_patterns: patterns.slice(2 * third),
    recommendations: [...strings],
    statistics: { total_analyzed: strings.length, pass_count: third, fail_count: third, na_count: strings.length - 2 * third },
  };
}

/** One small trace per string, all of one session, each carrying its string in every field. */
export function hostileSessionTraces(strings: readonly string[], sessionId: string, prefix: string): LLMTrace[] {
  return strings.map((s, i) => ({ ...hostileTrace([s, strings[(i + 1) % strings.length] ?? s], `${prefix}-${i}`), aiSessionId: sessionId }));
}
