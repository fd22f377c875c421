/** Shared test data and doubles for the client, msw and hooks tests. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { LLMTrace } from "../../src/core/eventsTrace";
import type { SentimentClassifier } from "../../src/client/clientLocalClassify";
import type { LocalSummarize } from "../../src/client/clientLocalSummary";
import type { LocalSummarizeEvaluation } from "../../src/client/clientLocalEvaluation";

const FIXTURES = path.resolve(__dirname, "../fixtures/traces");

/** Every fixture trace in test/fixtures/traces. */
export function fixtureTraces(): LLMTrace[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as LLMTrace);
}

export function fixtureTrace(name: string): LLMTrace {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as LLMTrace;
}

export const IDS = {
  frustrated: "71799554-7a45-572f-a5eb-58e43d4681e3",
  delighted: "acc7914a-9f97-50f0-a27b-3624bc0a7362",
  support: "6b5df059-e6d4-5b8d-b828-1239cf3ae42b",
  rag: "1f38e203-b6d0-57a0-8b31-ed63f94292f7",
  huge: "d4649c65-d365-5f4b-9f33-840eb4c14848",
  frustratedLastGeneration: "ba52ff61-9f8b-52ae-aa5f-4496b6a2ef8a",
  silent: "00000000-0000-4000-8000-00000000a001",
  poison: "00000000-0000-4000-8000-00000000a002",
  evalBatch: "00000000-0000-4000-8000-00000000a003",
  evaluation: "11111111-2222-4333-8444-555555555555",
  evalGenerations: [
    "00000000-0000-4000-8000-0000000000e1",
    "00000000-0000-4000-8000-0000000000e2",
    "00000000-0000-4000-8000-0000000000e3",
    "00000000-0000-4000-8000-0000000000e4",
  ],
};

function generation(traceId: string, id: string, at: string, input: unknown): LLMTrace["events"][number] {
  return {
    id,
    event: "$ai_generation",
    createdAt: at,
    properties: { $ai_trace_id: traceId, $ai_parent_id: traceId, $ai_model: "gpt-4o-mini", $ai_latency: 0.5, $ai_input: input },
  };
}

/** Traces the fixtures lack: no user messages, a text that breaks the classifier, and one evaluation with four runs. */
export function syntheticTraces(): LLMTrace[] {
  const silent: LLMTrace = {
    id: IDS.silent,
    createdAt: "2025-05-01T10:00:00.000Z",
    traceName: "system_only",
    events: [generation(IDS.silent, "00000000-0000-4000-8000-00000000b001", "2025-05-01T10:00:00.000Z", [{ role: "system", content: "Be terse." }])],
  };
  const poison: LLMTrace = {
    id: IDS.poison,
    createdAt: "2025-05-02T10:00:00.000Z",
    traceName: "poisoned",
    events: [generation(IDS.poison, "00000000-0000-4000-8000-00000000b002", "2025-05-02T10:00:00.000Z", [{ role: "user", content: "POISON pill" }])],
  };
  const outcomes: Array<[boolean | null, boolean]> = [[true, true], [true, true], [false, true], [null, false]];
  const evalBatch: LLMTrace = {
    id: IDS.evalBatch,
    createdAt: "2025-05-03T10:00:00.000Z",
    traceName: "judged",
    events: outcomes.map(([result, applicable], i) => ({
      id: `00000000-0000-4000-8000-0000000000f${i + 1}`,
      event: "$ai_evaluation",
      createdAt: `2025-05-03T10:00:0${i + 1}.000Z`,
      properties: {
        $ai_trace_id: IDS.evalBatch,
        $ai_evaluation_id: IDS.evaluation,
        $ai_evaluation_name: "Helpfulness",
        $ai_evaluation_result: result,
        $ai_evaluation_applicable: applicable,
        $ai_evaluation_reasoning: `run ${i + 1}`,
        $ai_target_event_id: IDS.evalGenerations[i],
      },
    })),
  };
  return [silent, poison, evalBatch];
}

export function allTraces(): LLMTrace[] {
  return [...fixtureTraces(), ...syntheticTraces()];
}

const POSITIVE = /amazing|love|thank|wow|great|exactly what/i;
const NEGATIVE = /useless|kidding|rejected|angry|terrible|nothing to do|still/i;

/** A keyword classifier with PostHog's output shape; "POISON" makes it throw. Counts its calls. */
export function fakeClassifier(): SentimentClassifier & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async classify(texts) {
      calls.push(texts);
      if (texts.some((t) => t.includes("POISON"))) throw new Error("classifier crashed on this text");
      return texts.map((text) => {
        if (POSITIVE.test(text)) return { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.08, negative: 0.02 } };
        if (NEGATIVE.test(text)) return { label: "negative", score: 0.85, scores: { positive: 0.03, neutral: 0.12, negative: 0.85 } };
        return [
          { label: "neutral", score: 0.7 },
          { label: "positive", score: 0.2 },
          { label: "negative", score: 0.1 },
        ];
      });
    },
  };
}

/** A summarizer that cites the first and last lines, counting its calls. */
export function fakeSummarize(): LocalSummarize & { calls: Parameters<LocalSummarize>[0][] } {
  const calls: Parameters<LocalSummarize>[0][] = [];
  const fn = (async (request) => {
    calls.push(request);
    const lines = request.text.split("\n").length;
    return {
      title: `${request.summarizeType} ${request.mode} summary`,
      flow_diagram: "start\n  ↓\nanswer ✓",
      summary_bullets: [
        { text: "It starts here", line_refs: "L1" },
        { text: "It ends here", line_refs: `L${lines}` },
      ],
      interesting_notes: [{ text: "Nothing odd", line_refs: "" }],
    };
  }) as LocalSummarize & { calls: Parameters<LocalSummarize>[0][] };
  fn.calls = calls;
  return fn;
}

export const fakeSummarizeEvaluation: LocalSummarizeEvaluation = async (request) => ({
  overall_assessment: `${request.runs.length} runs of ${request.evaluationName ?? "?"}`,
  pass_patterns: [{ title: "Answers the question", description: "d", frequency: "common", example_generation_ids: [request.runs[0]!.generation_id] }],
  fail_patterns: [],
  na_patterns: [],
  recommendations: ["Keep going"],
  // Deliberately wrong: the client must recount these from the runs.
  statistics: { total_analyzed: 999, pass_count: 999, fail_count: 999, na_count: 999 },
});
