/** A PostHog client in jsdom, talking through real fetch to the msw mock backend. */
import { QueryClient } from "@tanstack/react-query";
import { setupServer } from "msw/node";
import type { ReactNode } from "react";
import { createPostHogClient } from "../../src/client/clientPostHog";
import type { TraceLensClient } from "../../src/client/clientTypes";
import { TraceLensProvider } from "../../src/hooks/TraceLensProvider";
import { createPostHogHandlers, type PostHogHandlersOptions } from "../../src/msw/mockHandlers";
import type { PostHogMockBackend } from "../../src/msw/mockBackend";
import { allTraces, fakeClassifier, fakeSummarize, fakeSummarizeEvaluation } from "../client/helpers";

export const HOST = "https://posthog.test";
/** The mock server's "now": weeks after the newest fixture trace, so every lookup by id needs its window. */
export const NOW = Date.parse("2025-08-05T12:00:00Z");
export const server = setupServer();

export function startMsw(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface Harness {
  backend: PostHogMockBackend;
  client: TraceLensClient;
  queryClient: QueryClient;
  summarize: ReturnType<typeof fakeSummarize>;
  /** Every AbortSignal the client handed to fetch. */
  signals: AbortSignal[];
  wrapper: (props: { children?: ReactNode }) => ReactNode;
}

export function harness(options: PostHogHandlersOptions = {}): Harness {
  const summarize = fakeSummarize();
  const { handlers, backend } = createPostHogHandlers({
    baseUrl: HOST,
    traces: allTraces(),
    classifier: fakeClassifier(),
    summarize,
    summarizeEvaluation: fakeSummarizeEvaluation,
    projectId: 1,
    now: () => NOW,
    ...options,
  });
  server.use(...handlers);
  const signals: AbortSignal[] = [];
  const client = createPostHogClient({
    host: HOST,
    projectId: 1,
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
    fetch: (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    },
  });
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <TraceLensProvider client={client} queryClient={queryClient}>
      {children}
    </TraceLensProvider>
  );
  return { backend, client, queryClient, summarize, signals, wrapper };
}
