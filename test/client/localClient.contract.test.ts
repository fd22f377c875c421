import { createLocalClient } from "../../src/client/clientLocal";
import { describeClientContract } from "./clientContract";
import { allTraces, fakeClassifier, fakeSummarize, fakeSummarizeEvaluation } from "./helpers";

describeClientContract("createLocalClient", async () => {
  const summarize = fakeSummarize();
  const client = createLocalClient({ traces: allTraces(), classifier: fakeClassifier(), summarize, summarizeEvaluation: fakeSummarizeEvaluation });
  return { client, summarizeCalls: () => summarize.calls.length, listsEvaluationOnlyTraces: true };
});
