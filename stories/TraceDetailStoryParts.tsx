import { useMemo, useState, type ComponentProps } from "react";
import { TraceDetail, TraceLensProvider, createLocalClient } from "../src/all";
import type { LLMTrace } from "../src/core";
import anthropicToolUse from "../test/fixtures/traces/anthropic-tool-use.json";
import batch500 from "../test/fixtures/traces/batch-500-spans.json";
import codingAgent from "../test/fixtures/traces/coding-agent.json";
import deepNested from "../test/fixtures/traces/deep-nested-agent.json";
import delightedUser from "../test/fixtures/traces/delighted-user.json";
import evaluatedGeneration from "../test/fixtures/traces/evaluated-generation.json";
import frustratedUser from "../test/fixtures/traces/frustrated-user.json";
import huge300kb from "../test/fixtures/traces/huge-300kb-message.json";
import imageInputs from "../test/fixtures/traces/image-inputs.json";
import langchainAgent from "../test/fixtures/traces/langchain-agent.json";
import longConversation from "../test/fixtures/traces/long-conversation-40-turns.json";
import multilingual from "../test/fixtures/traces/multilingual-support.json";
import openaiResponses from "../test/fixtures/traces/openai-responses-agent.json";
import otelGemini from "../test/fixtures/traces/otel-vercel-gemini.json";
import ragPipeline from "../test/fixtures/traces/rag-pipeline.json";
import rateLimited from "../test/fixtures/traces/rate-limited-429.json";
import supportChatbot from "../test/fixtures/traces/support-chatbot.json";

const asTrace = (value: unknown) => value as LLMTrace;

/** The fixture traces, by name (JSON imports typed as PostHog's LLMTrace). */
export const fixtureTraces = {
  anthropicToolUse: asTrace(anthropicToolUse),
  batch500: asTrace(batch500),
  codingAgent: asTrace(codingAgent),
  deepNested: asTrace(deepNested),
  delightedUser: asTrace(delightedUser),
  evaluatedGeneration: asTrace(evaluatedGeneration),
  frustratedUser: asTrace(frustratedUser),
  huge300kb: asTrace(huge300kb),
  imageInputs: asTrace(imageInputs),
  langchainAgent: asTrace(langchainAgent),
  longConversation: asTrace(longConversation),
  multilingual: asTrace(multilingual),
  openaiResponses: asTrace(openaiResponses),
  otelGemini: asTrace(otelGemini),
  ragPipeline: asTrace(ragPipeline),
  rateLimited: asTrace(rateLimited),
  supportChatbot: asTrace(supportChatbot),
};

/** TraceDetail with its selection and collapsed nodes owned by the story, and shown beside it. */
export function ControlledTraceDetail(props: ComponentProps<typeof TraceDetail>) {
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <p style={{ margin: 0, fontSize: 12 }} data-testid="host-state">
        Host state: selected <code>{selected ?? "(trace)"}</code>, {collapsed.length} collapsed
      </p>
      <TraceDetail {...props} selectedEventId={selected} onSelectEvent={(id) => setSelected(id)} collapsedNodes={collapsed} onCollapsedNodesChange={setCollapsed} />
    </div>
  );
}

/** A stand-in classifier for stories: angry words score negative, thanks positive, the rest neutral. */
export const keywordClassifier = {
  async classify(texts: string[]) {
    return texts.map((text) => {
      const angry = /(useless|nothing|human|again|still|rejected|!!|\?\?)/i.test(text);
      const happy = /(thank|great|love|perfect|awesome)/i.test(text);
      if (angry) return { positive: 0.04, neutral: 0.16, negative: 0.8 };
      if (happy) return { positive: 0.86, neutral: 0.1, negative: 0.04 };
      return { positive: 0.15, neutral: 0.75, negative: 0.1 };
    });
  },
};

/** TraceDetail loading `traceId` through a provider backed by a local client over the given traces. */
export function ProvidedTraceDetail({ traces, classify = false, ...props }: ComponentProps<typeof TraceDetail> & { traces: LLMTrace[]; classify?: boolean }) {
  const client = useMemo(() => createLocalClient({ traces, classifier: classify ? keywordClassifier : undefined }), [traces, classify]);
  return (
    <TraceLensProvider client={client}>
      <TraceDetail {...props} />
    </TraceLensProvider>
  );
}
