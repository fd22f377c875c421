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
      auth: { required: true, apiKeys: ["phx_contract_key_123"] },
    });
    server = await startLoopbackServer(backend);
    const client = createPostHogClient({ host: server.url, projectId: 42, apiKey: "phx_contract_key_123", retry: { retries: 0 } });
    return { client, summarizeCalls: () => summarize.calls.length };
  },
  async () => {
    await server?.close();
  },
);
