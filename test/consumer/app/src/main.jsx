// A host app with no Tailwind: it imports the stylesheet and renders a component, as the README says.
import { createRoot } from "react-dom/client";
import "tracelens/styles.css";
import "./host.css";
import { SentimentBar } from "tracelens";
import { SENTIMENT_LABELS } from "tracelens/core";

const result = {
  label: "negative",
  score: 0.72,
  scores: { positive: 0.1, neutral: 0.18, negative: 0.72 },
  messages: {
    1: { label: "positive", score: 0.4, scores: { negative: 0.2, neutral: 0.4, positive: 0.4 } },
    3: { label: "negative", score: 0.91, scores: { negative: 0.91, neutral: 0.05, positive: 0.04 } },
  },
  message_count: 2,
};

createRoot(document.getElementById("root")).render(
  <main>
    <p id="labels">{SENTIMENT_LABELS.join(",")}</p>
    <div id="plain"><SentimentBar sentiment={result} /></div>
    <div id="dark" data-theme="dark"><SentimentBar sentiment={result} /></div>
    <div id="host-override" className="host-override"><SentimentBar sentiment={result} /></div>
    <div id="host-tokens" className="host-tokens"><SentimentBar sentiment={result} /></div>
    <div id="host-flex" className="flex">host element that happens to use the class name "flex"</div>
  </main>,
);
