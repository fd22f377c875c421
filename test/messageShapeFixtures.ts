/**
 * The message-shape fixtures (test/fixtures/message-shapes): one trace per provider family, each
 * event carrying shapes PostHog's SDKs and frontend produce or accept, and per shape what
 * tracelens must show. Written from the facts in PostHog's sources; see docs/message-shapes.md.
 */
import type { LLMTrace } from "../src/core";
import anthropic from "./fixtures/message-shapes/anthropic.json";
import claudeAgentSdk from "./fixtures/message-shapes/claude-agent-sdk.json";
import costs from "./fixtures/message-shapes/costs.json";
import gemini from "./fixtures/message-shapes/gemini.json";
import langchain from "./fixtures/message-shapes/langchain.json";
import openaiAgents from "./fixtures/message-shapes/openai-agents.json";
import openaiChat from "./fixtures/message-shapes/openai-chat.json";
import openaiResponses from "./fixtures/message-shapes/openai-responses.json";
import otel from "./fixtures/message-shapes/otel.json";
import vercel from "./fixtures/message-shapes/vercel.json";

/** What one shape must look like once rendered. Every list is "must contain". */
export interface ShapeExpectation {
  /** Texts visible in the event's conversation. */
  texts?: string[];
  /** Tool-call names shown as tool-call cards. */
  tools?: string[];
  /** Tool names in the GenerationsTable / TracesTable Tools column for this generation. */
  tableTools?: string[];
  /** Tools in the "Available tools" box. */
  availableTools?: string[];
  /** Media elements shown as media, by kind (at least this many). */
  media?: Partial<Record<"image" | "audio" | "video" | "file", number>>;
  /** Notices for media the event does not hold (redacted, offloaded, not captured). */
  notices?: string[];
  /** Raw cards (not understood) expected: default none. */
  raw?: number;
  /** Span kind badge text. */
  spanKind?: string;
  /** Labels in the Details box. */
  details?: string[];
  /** Header chips (trace level): exact cost / tokens text and words in their notes. */
  headerCost?: string;
  headerTokens?: string;
  costNote?: string;
  /** TracesTable cells for the trace. */
  tableCost?: string;
  tableTokens?: string;
  inputPreview?: string;
  outputPreview?: string;
  /** GenerationsTable cost cell of this generation. */
  generationCost?: string;
}

export interface MessageShape {
  id: string;
  /** Event id the shape lives in (the trace id for trace-level shapes). */
  event: string;
  where: "input" | "output" | "tools" | "state" | "span" | "trace" | "usage";
  /** The shape, in markdown (code spans). */
  shape: string;
  /** What tracelens shows. */
  shows: string;
  /** Where the facts come from. */
  source: string;
  expect: ShapeExpectation;
}

export interface MessageShapeFixture {
  /** File name without extension. */
  name: string;
  provider: string;
  sources: string[];
  trace: LLMTrace;
  shapes: MessageShape[];
}

const files = { openaiChat, openaiResponses, anthropic, gemini, langchain, vercel, otel, openaiAgents, claudeAgentSdk, costs };
const names: Record<keyof typeof files, string> = {
  openaiChat: "openai-chat",
  openaiResponses: "openai-responses",
  anthropic: "anthropic",
  gemini: "gemini",
  langchain: "langchain",
  vercel: "vercel",
  otel: "otel",
  openaiAgents: "openai-agents",
  claudeAgentSdk: "claude-agent-sdk",
  costs: "costs",
};

/** Every fixture, in documentation order. */
export const MESSAGE_SHAPE_FIXTURES: readonly MessageShapeFixture[] = (Object.keys(files) as Array<keyof typeof files>).map((key) => ({
  ...(files[key] as unknown as Omit<MessageShapeFixture, "name">),
  name: names[key],
}));

/** Every shape with its fixture. */
export const MESSAGE_SHAPES: ReadonlyArray<{ fixture: MessageShapeFixture; shape: MessageShape }> = MESSAGE_SHAPE_FIXTURES.flatMap((fixture) =>
  fixture.shapes.map((shape) => ({ fixture, shape })),
);
