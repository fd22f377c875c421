/**
 * Helpers for the TraceBreakdown stories (a stories file may export only stories): the agent
 * fixtures, a 10,000-span trace with thousands of span names, and the drop-in over the embedded
 * local client.
 */
import { useMemo, type ComponentProps } from "react";
import { TraceBreakdown, createLocalClient } from "../src/all";
import type { LLMTrace } from "../src/core";
import agentFanOut from "../test/fixtures/traces/agent-fan-out.json";
import agentLoop from "../test/fixtures/traces/agent-loop.json";
import agentRetry from "../test/fixtures/traces/agent-retry.json";
import { LocalProvider } from "./TracesTableStoryParts";

export const agentTraces = {
  loop: agentLoop as unknown as LLMTrace,
  retry: agentRetry as unknown as LLMTrace,
  fanOut: agentFanOut as unknown as LLMTrace,
};

/** TraceBreakdown loading `traceId` through a provider backed by the embedded local client. */
export function ProvidedTraceBreakdown({ traces, ...props }: ComponentProps<typeof TraceBreakdown> & { traces: LLMTrace[] }) {
  const client = useMemo(() => createLocalClient({ traces }), [traces]);
  return (
    <LocalProvider client={client}>
      <TraceBreakdown {...props} />
    </LocalProvider>
  );
}
