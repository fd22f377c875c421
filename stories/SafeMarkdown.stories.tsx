import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MediaGate, SafeMarkdown } from "../src/all";
import { HOSTILE_STRINGS } from "./fixtures/traceDetailFixtures";
import { HOST_ORIGIN, INLINE_PNG, LLM_ANSWER, MEDIA_ANSWER, longAnswer } from "./fixtures/markdownFixtures";

const meta = {
  title: "Components/SafeMarkdown",
  component: SafeMarkdown,
  parameters: {
    docs: {
      description: {
        component:
          "Markdown from a model or a user, drawn as React elements by tracelens' own renderer over markdown-it's tokens " +
          "(CommonMark, and GFM tables, task lists, strikethrough and autolinks) — never through an HTML string. Raw HTML shows " +
          "as text; links go only to http(s) and mailto, in a new tab without referrer. Exported from `tracelens/trace` so a host " +
          "draws its own model output with the same rules.\n\n" +
          "**Media policy** (`mediaPolicy`, the same prop on `TraceLensProvider` and on TraceDetail, SessionView, SummaryPanel and " +
          "EvaluationSummaryPanel): `\"ask\"` (default) — a remote image waits behind a button naming its host, so nothing is " +
          "requested until the viewer asks; `\"allow\"` — remote images load at once; `\"block\"` — they never load; " +
          "`{ allowOrigins: [\"https://cdn.example.com\"], remote, maxDataUrlChars }` — listed origins load at once. `data:` images " +
          "load inline up to a size cap. `MediaGate` and `PolicyImage` apply the same policy to a host's own media.\n\n" +
          "The parser (markdown-it) is its own chunk, loaded on first use (`preloadSafeMarkdown()` starts it early): until it " +
          "arrives, and on the server, the text shows as plain text. Long texts are parsed and drawn section by section, so the " +
          "page stays responsive; past 100,000 characters the rest is plain text, with a note. Code blocks keep their language " +
          "label and a copy button, and are coloured by a second lazy chunk (lowlight, 15 common languages) when the language is known.",
      },
    },
  },
  args: { text: LLM_ANSWER },
  argTypes: {
    mediaPolicy: { control: "select", options: ["ask", "allow", "block"], description: "What remote media may load." },
    highlight: { control: "text" },
  },
} satisfies Meta<typeof SafeMarkdown>;
export default meta;
type Story = StoryObj<typeof meta>;

// The parser and the highlighter are lazy chunks: on a busy 2-core CI box the first fetch can take
// seconds, so these waits get a hang guard, not waitFor's 1 s default.
const CHUNK_WAIT = { timeout: 15_000 };
const formatted = async (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelector('[data-slot="safe-markdown"]')).toHaveAttribute("data-state", "formatted"), CHUNK_WAIT);

/** A model's answer: headings, nested emphasis, autolinks, a task list, a table and a code block with its label and copy button. */
export const ModelAnswer: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await formatted(canvasElement);
    await expect(canvas.getByRole("table")).toBeVisible();
    const boxes = canvas.getAllByRole("checkbox");
    await expect(boxes).toHaveLength(3);
    await expect(boxes[0]).toBeChecked();
    await expect(boxes[0]).toBeDisabled();
    await expect(canvas.getByRole("link", { name: "www.example.com" })).toHaveAttribute("href", "http://www.example.com/");
    await expect(canvas.getByRole("link", { name: "support@example.com" })).toHaveAttribute("href", "mailto:support@example.com");
    await expect(canvas.getByRole("button", { name: /python code/ })).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelector('code[data-language="python"][data-highlighted]')).not.toBeNull(), CHUNK_WAIT);
    await expect(canvasElement.querySelector("b, [onmouseover]")).toBeNull();
    await expect(canvas.queryByRole("link", { name: "a script link" })).toBeNull();
  },
};

/** The default policy ("ask"): the inline chart draws, remote pictures wait behind a button naming their host. */
export const MediaAsk: Story = {
  args: { text: MEDIA_ANSWER },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await formatted(canvasElement);
    await expect(canvas.getAllByRole("img").map((img) => img.getAttribute("src"))).toEqual([INLINE_PNG]);
    await expect(canvas.getByRole("button", { name: "Load image from attacker.example" })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: `Load image from ${new URL(HOST_ORIGIN).host}` }));
    await expect(canvas.getByRole("img", { name: "host picture" })).toHaveAttribute("referrerpolicy", "no-referrer");
  },
};

/** The host's own origin on the allowlist: its picture loads at once, the others still wait. */
export const MediaAllowlist: Story = {
  args: { text: MEDIA_ANSWER, mediaPolicy: { allowOrigins: [HOST_ORIGIN] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await formatted(canvasElement);
    await expect(canvas.getByRole("img", { name: "host picture" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Load image from attacker.example" })).toBeVisible();
  },
};

/** Remote media off: hosts are named, nothing can be loaded; `data:` images still draw. */
export const MediaBlocked: Story = {
  args: { text: MEDIA_ANSWER, mediaPolicy: "block" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await formatted(canvasElement);
    await expect(canvas.getAllByRole("img")).toHaveLength(1);
    await expect(canvas.queryAllByRole("button")).toHaveLength(0);
    await expect(canvas.getByText(/from attacker\.example not loaded/)).toBeVisible();
  },
};

/** The gate on its own, for a host's media of other kinds (here audio from a remote host). */
export const MediaGateForAudio: Story = {
  render: () => (
    <MediaGate src="https://media.example/answer.mp3" kind="audio" label="Spoken answer">
      {(url) => <audio controls preload="none" src={url} aria-label="Spoken answer" />}
    </MediaGate>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector("audio")).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "Load audio from media.example" }));
    await expect(canvasElement.querySelector("audio")).toHaveAttribute("src", "https://media.example/answer.mp3");
  },
};

/** XSS payloads: every one stays text; unsafe link targets are named, not linked. */
export const HostileInput: Story = {
  args: { text: HOSTILE_STRINGS },
  play: async ({ canvasElement }) => {
    await formatted(canvasElement);
    await expect(canvasElement.querySelector("script, iframe, [onerror], [onmouseover]")).toBeNull();
    await expect(canvasElement.querySelectorAll('[data-slot="markdown-blocked-link"]').length).toBeGreaterThanOrEqual(3);
    await expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
  },
};

/** Past 100,000 characters the rest shows as plain text, with a note saying so. */
export const LongAnswer: Story = {
  args: { text: longAnswer(120_000) },
  play: async ({ canvasElement }) => {
    await formatted(canvasElement);
    await expect(within(canvasElement).getByText(/formatting stops after 100,000 characters/)).toBeVisible();
  },
};
