/** Helpers of the SessionView stories (a stories file may export only stories). */
import type { ComponentProps } from "react";
import { SessionView, createLocalClient, type TraceLensClient } from "../src/all";
import type { MockFaultRule } from "../src/msw";
import { postHogMockClient } from "./fixtures/postHogMockClient";
import { SESSION_TRACE_IDS, sessionSummarizer, sessionTracesFixture } from "./fixtures/sessionFixtures";
import { keywordClassifier } from "./fixtures/tableFixtures";
import { LocalProvider } from "./TracesTableStoryParts";

/** Turns whose summary is already in the server's cache when the story opens (batch_check lists them). */
const CACHED = [SESSION_TRACE_IDS[0]!, SESSION_TRACE_IDS[3]!];

async function warm(client: TraceLensClient): Promise<TraceLensClient> {
  for (const traceId of CACHED) await client.summarize({ trace_id: traceId, mode: "minimal" });
  return client;
}

/** A local client (host summarizer, keyword classifier) with two turns already summarized; for `loaders`. */
export function warmLocalClient(): Promise<TraceLensClient> {
  return warm(createLocalClient({ traces: sessionTracesFixture(), classifier: keywordClassifier(), summarize: sessionSummarizer(400) }));
}

/** The real PostHog client against the mock API, with two turns already summarized; for `loaders`. */
export async function warmPostHogClient(faults?: MockFaultRule[]): Promise<TraceLensClient> {
  const { client, backend } = postHogMockClient({ traces: sessionTracesFixture(), classifier: keywordClassifier(), summarize: sessionSummarizer(300) });
  await warm(client);
  for (const rule of faults ?? []) backend.addFault(rule);
  return client;
}

/** The drop-in SessionView inside a provider over the given client. */
export function ProvidedSessionView({ client, ...props }: ComponentProps<typeof SessionView> & { client: TraceLensClient }) {
  return (
    <LocalProvider client={client}>
      <SessionView {...props} />
    </LocalProvider>
  );
}
