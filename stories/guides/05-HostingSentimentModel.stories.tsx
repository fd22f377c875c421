/**
 * The runnable example of the "Hosting PostHog's sentiment model" guide: the embedded default model
 * classifying typed sentences in this browser. A served model goes through the same calls; only the
 * `model` option differs.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useId, useState, type FormEvent } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { SentimentBar, type MessageSentiment } from "../../src/all";
import { useLocalSentiment, type ModelInfo } from "../../src/inference";

const SENTENCES = ["I love this!", "This is terrible.", "The invoice was sent on Tuesday."].join("\n");

function SentenceCheck() {
  // The hook makes (and later disposes) a classifier; with `model: "/models/…/"` it would load that folder.
  const { classifier, status } = useLocalSentiment();
  const fieldId = useId();
  const [draft, setDraft] = useState(SENTENCES);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [results, setResults] = useState<Array<{ text: string; sentiment: MessageSentiment }> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const texts = draft.split("\n").map((line) => line.trim()).filter(Boolean);
    setError(null);
    try {
      const [info, scored] = await Promise.all([classifier.load(), classifier.classify(texts)]);
      setModel(info);
      setResults(texts.map((text, i) => ({ text, sentiment: scored[i]! })));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <div style={{ display: "grid", gap: 12, maxWidth: 560, fontFamily: "var(--tl-font-sans)" }}>
      <form onSubmit={onSubmit} style={{ display: "grid", gap: 8 }}>
        <label htmlFor={fieldId} style={{ fontWeight: 600 }}>
          Sentences, one per line
        </label>
        <textarea id={fieldId} rows={4} value={draft} onChange={(e) => setDraft(e.target.value)} style={{ font: "inherit", padding: 6 }} />
        <div>
          <button type="submit">Classify</button>
        </div>
      </form>
      <p role="status" style={{ margin: 0, color: "var(--tl-fg-muted)" }}>
        {status.state === "idle" && "The model loads on the first classification."}
        {status.state === "loading" && `Loading the model… ${Math.round(status.progress.progress)}%`}
        {status.state === "ready" && `Model ready: ${status.model.name} (${status.model.runtime})`}
        {status.state === "error" && `The model failed to load: ${status.error.message}`}
      </p>
      {error && <p role="alert">{error}</p>}
      {model && (
        <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", gap: "2px 12px", fontSize: 12 }}>
          <dt>labels</dt>
          <dd style={{ margin: 0 }}>{model.labels.join(", ")}</dd>
          <dt>inputs</dt>
          <dd style={{ margin: 0 }}>{model.inputNames.join(", ")}</dd>
          <dt>token limit</dt>
          <dd style={{ margin: 0 }}>{model.maxTokens}</dd>
        </dl>
      )}
      {results && (
        <ol aria-label="Results" style={{ margin: 0, paddingLeft: 18, display: "grid", gap: 8 }}>
          {results.map(({ text, sentiment }, i) => (
            <li key={i}>
              <span style={{ display: "block" }}>{text}</span>
              <SentimentBar label={sentiment.label} score={sentiment.score} scores={sentiment.scores} variant="stacked" size="full" showValue />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

const meta = {
  title: "Guides/Examples/Hosting the sentiment model",
  component: SentenceCheck,
  tags: ["!dev", "!autodocs"],
} satisfies Meta<typeof SentenceCheck>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The check from step 4 of the guide, on the embedded model: a positive and a negative sentence. */
export const ClassifyInTheBrowser: Story = {
  name: "Classify in the browser",
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Classify" }));
    const list = await canvas.findByRole("list", { name: "Results" }, { timeout: 25_000 });
    const bars = within(list).getAllByRole("img");
    await expect(bars).toHaveLength(3);
    await expect(bars[0]).toHaveAccessibleName(/^Positive \d+%/);
    await expect(bars[1]).toHaveAccessibleName(/^Negative \d+%/);
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(/Model ready: tracelens-sentiment/));
    await expect(canvas.getByText("negative, neutral, positive")).toBeVisible();
  },
};
