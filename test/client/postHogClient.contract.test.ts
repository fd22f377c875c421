// @vitest-environment node
import { createPostHogClient } from "../../src/client/clientPostHog";
import { createPostHogMockBackend } from "../../src/msw/mockBackend";
import { describeClientContract } from "./clientContract";
import { allTraces, fakeClassifier, fakeSummarize, fakeSummarizeEvaluation } from "./helpers";
import { startLoopbackServer, type LoopbackServer } from "./loopbackServer";

let server: LoopbackServer | undefined;

// The same suite, over real HTTP: PostHog client → 127.0.0.1 → mock PostHog backend → local client.
describeClientContract(
  "createPostHogClient over HTTP",
  async () => {
    const summarize = fakeSummarize();
    const backend = createPostHogMockBackend({
      traces: allTraces(),
      classifier: fakeClassifier(),
      summarize,
      summarizeEvaluation: fakeSummarizeEvaluation,
      projectId: 42,
      // A legacy personal key (no scopes): batch_check is open to it (F-A5).
      auth: { required: true, apiKeys: [{ key: "phx_contract_key_123", scopes: [] }] },
      // Weeks after the newest fixture trace: every lookup by id must carry or find its window.
      now: () => Date.parse("2025-08-05T12:00:00Z"),
    });
    server = await startLoopbackServer(backend);
    const client = createPostHogClient({ host: server.url, projectId: 42, apiKey: "phx_contract_key_123", retry: { retries: 0 } });
    return { client, summarizeCalls: () => summarize.calls.length, listsEvaluationOnlyTraces: false };
  },
  async () => {
    await server?.close();
  },
);
