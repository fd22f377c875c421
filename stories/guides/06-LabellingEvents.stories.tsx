/**
 * The runnable example of the "Labelling events at ingestion" guide: the same `createEventLabeler`
 * a host runs on its server, here in this page (its three classifiers run in Web Workers), showing
 * the properties it adds to one `$ai_generation` event.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { createEventLabeler, type EventLabeler } from "../../src/inference";

function LabelOneEvent() {
  const labeler = useRef<EventLabeler | null>(null);
  const userId = useId();
  const agentId = useId();
  const [user, setUser] = useState("This is the third time the export fails. I'm really annoyed.");
  const [agent, setAgent] = useState("Sorry about that! Let's look at the error log together.");
  const [added, setAdded] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const made = createEventLabeler();
    labeler.current = made;
    return () => void made.dispose();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!labeler.current) return;
    setBusy(true);
    setError(null);
    try {
      const properties = { $ai_input: [{ role: "user", content: user }], $ai_output_choices: [{ role: "assistant", content: agent }] };
      const labelled = await labeler.current.labelProperties(properties);
      setAdded(Object.fromEntries(Object.entries(labelled).filter(([key]) => !(key in properties))));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} style={{ display: "grid", gap: 8, maxWidth: 620, fontFamily: "var(--tl-font-sans)" }}>
      <label htmlFor={userId} style={{ fontWeight: 600 }}>
        User message
      </label>
      <textarea id={userId} rows={2} value={user} onChange={(e) => setUser(e.target.value)} />
      <label htmlFor={agentId} style={{ fontWeight: 600 }}>
        Assistant reply
      </label>
      <textarea id={agentId} rows={2} value={agent} onChange={(e) => setAgent(e.target.value)} />
      <button type="submit" disabled={busy} style={{ justifySelf: "start" }}>
        {busy ? "Labelling…" : "Label the event"}
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {added ? (
        <pre aria-label="Properties added" style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>
          {JSON.stringify(added, null, 2)}
        </pre>
      ) : null}
    </form>
  );
}

const meta = { title: "Guides/Labelling events at ingestion/Example", component: LabelOneEvent } satisfies Meta<typeof LabelOneEvent>;
export default meta;
type Story = StoryObj<typeof meta>;

export const LabelAnEvent: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Label the event" }));
    const output = await waitFor(() => canvas.getByLabelText("Properties added"), { timeout: 25_000 });
    const added = JSON.parse(output.textContent ?? "{}") as Record<string, unknown>;
    await expect(added.tracelens_user_sentiment).toBe("negative");
    await expect(added).toHaveProperty("user_emotion");
    await expect(added).toMatchObject({ user_toxicity: 0, agent_toxicity: 0 });
  },
};
