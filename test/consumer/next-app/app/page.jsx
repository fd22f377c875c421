// A React Server Component page: it imports tracelens' client components straight from the package
// entries and passes them plain data, as an app-router host does.
import { SentimentBar } from "tracelens";
import { TraceDetail } from "tracelens/trace";
import { TracesTable } from "tracelens/tables";
import { Providers } from "./providers";
import trace from "./trace.json";

const sentiment = {
  label: "negative",
  score: 0.72,
  scores: { positive: 0.1, neutral: 0.18, negative: 0.72 },
  messages: { 1: { label: "negative", score: 0.91, scores: { negative: 0.91, neutral: 0.05, positive: 0.04 } } },
  message_count: 1,
};

export default function Page() {
  return (
    <main>
      <div id="bar">
        <SentimentBar sentiment={sentiment} />
      </div>
      <div id="detail">
        <TraceDetail trace={trace} />
      </div>
      <div id="table" style={{ height: 300 }}>
        <TracesTable traces={[trace]} />
      </div>
      <div id="connected">
        {/* The provider comes from `tracelens`, the component from `tracelens/trace`: one shared context. */}
        <Providers traces={[trace]}>
          <TraceDetail traceId={trace.id} />
        </Providers>
      </div>
    </main>
  );
}
