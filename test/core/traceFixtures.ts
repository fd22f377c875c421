import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LLMTrace } from "../../src/core/events";

/** Every example trace copied from the shared fixtures into test/fixtures/traces. */
export const TRACE_FIXTURES = [
  "agent-fan-out",
  "agent-loop",
  "agent-retry",
  "anthropic-tool-use",
  "batch-500-spans",
  "coding-agent",
  "deep-nested-agent",
  "delighted-user",
  "evaluated-generation",
  "frustrated-user",
  "huge-300kb-message",
  "image-inputs",
  "langchain-agent",
  "long-conversation-40-turns",
  "multilingual-support",
  "openai-responses-agent",
  "otel-vercel-gemini",
  "rag-pipeline",
  "rate-limited-429",
  "support-chatbot",
] as const;

export type TraceFixtureName = (typeof TRACE_FIXTURES)[number];

const cache = new Map<string, LLMTrace>();

/** Loads a fixture (parsed fresh once, then shared: tests must not mutate it). */
export function loadTraceFixture(name: TraceFixtureName): LLMTrace {
  const cached = cache.get(name);
  if (cached) return cached;
  const url = new URL(`../fixtures/traces/${name}.json`, import.meta.url);
  const trace = JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as LLMTrace;
  cache.set(name, trace);
  return trace;
}

/** Properties of the n-th event with the given name. */
export function fixtureEvent(name: TraceFixtureName, eventName: string, nth = 0) {
  const event = loadTraceFixture(name).events.filter((e) => e.event === eventName)[nth];
  if (!event) throw new Error(`${name}: no ${eventName} #${nth}`);
  return event;
}
