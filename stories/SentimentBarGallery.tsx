import type { ComponentProps } from "react";
import { SentimentBar } from "../src/all";
import {
  delightedTrace,
  failedSentiment,
  frustratedGeneration,
  neutralGeneration,
  noUserMessages,
} from "./fixtures/sentimentResults";

const ROWS: Array<[string, ComponentProps<typeof SentimentBar>]> = [
  ["Positive (trace level)", { sentiment: delightedTrace }],
  ["Neutral", { sentiment: neutralGeneration }],
  ["Negative with both markers", { sentiment: frustratedGeneration }],
  ["Loading", { loading: true }],
  ["No user messages", { sentiment: noUserMessages }],
  ["Not computed (null)", { sentiment: null }],
  ["Error", { sentiment: failedSentiment }],
];

/** Every state in both sizes and variants, as a table a reviewer can scan. */
export function SentimentBarGallery() {
  return (
    <table style={{ borderCollapse: "collapse", fontSize: 13 }}>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: "left", padding: 6 }}>State</th>
          <th scope="col" style={{ textAlign: "left", padding: 6 }}>sm</th>
          <th scope="col" style={{ textAlign: "left", padding: 6 }}>sm, stacked</th>
          <th scope="col" style={{ textAlign: "left", padding: 6, width: 200 }}>full</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([name, props]) => (
          <tr key={name}>
            <th scope="row" style={{ textAlign: "left", padding: 6, fontWeight: 500 }}>{name}</th>
            <td style={{ padding: 6 }}><SentimentBar {...props} focusable={false} /></td>
            <td style={{ padding: 6 }}><SentimentBar {...props} variant="stacked" focusable={false} /></td>
            <td style={{ padding: 6 }}><SentimentBar {...props} size="full" focusable={false} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
