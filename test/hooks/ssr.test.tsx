// @vitest-environment node
import { renderToString } from "react-dom/server";
import { createLocalClient } from "../../src/client/clientLocal";
import { TraceLensProvider } from "../../src/hooks/TraceLensProvider";
import { useSentiment } from "../../src/hooks/useSentiment";
import { useTraceSummary } from "../../src/hooks/useTraceSummary";
import { useTraces } from "../../src/hooks/useTraces";
import { IDS, allTraces } from "../client/helpers";

function Page() {
  const traces = useTraces();
  const sentiment = useSentiment({ id: IDS.frustrated });
  const summary = useTraceSummary({ traceId: IDS.support });
  return <p>{`${traces.status}|${sentiment.status}|${summary.status}`}</p>;
}

it("renders on the server in the pending state", () => {
  const html = renderToString(
    <TraceLensProvider client={createLocalClient({ traces: allTraces() })}>
      <Page />
    </TraceLensProvider>,
  );
  // The summary shows "checking": on the client, batch_check is the first thing it will do.
  expect(html).toBe("<p>pending|pending|checking</p>");
});
