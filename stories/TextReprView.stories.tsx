import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { TextReprView } from "../src/all";
import { LineRefDemo, TwoMegabyteView, codingAgentTraceText, eventText, hostileText } from "./TextReprViewStoryParts";
import { named, tabTo } from "./keyboardPlay";

const meta = {
  title: "Components/TextReprView",
  component: TextReprView,
  parameters: {
    docs: {
      description: {
        component:
          "PostHog's text representation of a trace or event, virtualized: numbered lines, interactive markers " +
          "(truncated middles, tool lists, expandable events, event links), a controlled `highlightLines` that scrolls " +
          "to a line or range and moves focus there, Expand all / Collapse all and Copy.",
      },
    },
  },
  args: { text: codingAgentTraceText(), onSelectEvent: fn(), maxHeight: 420 },
} satisfies Meta<typeof TextReprView>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowCount = (canvas: HTMLElement) => canvas.querySelectorAll('[data-slot="text-repr-line"]').length;

/** A trace: [SPAN]/[GEN] lines expand in place; the tag itself selects the event. */
export const TraceWithMarkers: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const before = Number(canvas.getByRole("list").getAttribute("aria-label")?.match(/([\d,]+) lines/)?.[1]?.replace(/,/g, ""));
    const toggle = canvas.getAllByRole("button", { name: /^Expand agent_run/ })[0]!;
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const after = Number(canvas.getByRole("list").getAttribute("aria-label")?.match(/([\d,]+) lines/)?.[1]?.replace(/,/g, ""));
    await expect(after).toBeGreaterThan(before);
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(canvas.getAllByRole("button", { name: /^Select SPAN agent_run/ })[0]!);
    await expect(args.onSelectEvent).toHaveBeenCalledWith(expect.stringContaining("-"));
  },
};

/** Keyboard only, from the top of the page: Expand all / Collapse all, then one marker opened with Enter and closed with Space, then its event selected. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    const lines = () => Number(within(canvasElement).getByRole("list").getAttribute("aria-label")?.match(/([\d,]+) lines/)?.[1]?.replace(/,/g, ""));
    const before = lines();
    await tabTo(named("Expand all"));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(canvasElement.querySelectorAll('[aria-expanded="true"]').length).toBeGreaterThan(0));
    await tabTo(named("Collapse all"));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(canvasElement.querySelectorAll('[aria-expanded="true"]')).toHaveLength(0));
    const toggle = await tabTo(named(/^Expand agent_run/));
    await userEvent.keyboard("{Enter}");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(lines()).toBeGreaterThan(before));
    await userEvent.keyboard(" ");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await tabTo(named(/^Select SPAN agent_run/), { backwards: true });
    await userEvent.keyboard("{Enter}");
    await expect(args.onSelectEvent).toHaveBeenCalledWith(expect.stringContaining("-"));
  },
};

/** A 300 KB message: its middle is cut; the marker expands it inline and [collapse] folds it back. */
export const TruncatedMarker: Story = {
  args: { text: eventText("hugeMessage") },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const marker = canvas.getAllByRole("button", { name: /chars truncated\)$/ })[0]!;
    const rows = rowCount(canvasElement);
    await userEvent.click(marker);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="text-repr-expanded"]')).not.toBeNull());
    await expect(rowCount(canvasElement)).toBeLessThan(rows + 80);
    await userEvent.click(canvas.getAllByRole("button", { name: "Collapse the expanded text" })[0]!);
    await expect(canvasElement.querySelector('[data-slot="text-repr-expanded"]')).toBeNull();
  },
};

/** More than five tools collapse into one line that opens the whole list. */
export const ToolsExpandable: Story = {
  args: { text: eventText("toolsGeneration") },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tools = canvas.getByRole("button", { name: /AVAILABLE TOOLS: 6/ });
    await userEvent.click(tools);
    await expect(tools).toHaveAttribute("aria-expanded", "true");
    await expect(canvasElement.textContent).toContain("read_file(");
  },
};

/** The highlight is controlled: it stays until the prop changes, scrolls to the line and takes focus. */
export const HighlightLines: Story = {
  render: (args) => (
    <LineRefDemo
      {...args}
      refs={[
        { label: "[L12]", range: { start: 12, end: 12 } },
        { label: "[L40-44]", range: { start: 40, end: 44 } },
      ]}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "[L40-44]" }));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-line")).toBe("40"));
    const marked = [...canvasElement.querySelectorAll("[data-highlighted]")].map((el) => el.getAttribute("data-line")).filter(Boolean);
    await expect(marked).toEqual(["40", "41", "42", "43", "44"]);
    await userEvent.click(canvas.getByRole("button", { name: "Clear" }));
    await expect(canvasElement.querySelector("[data-highlighted]")).toBeNull();
  },
};

/** About 2 MB of text_repr (605 events): only the rows in view are in the DOM. */
export const TwoMegabytes: Story = {
  loaders: [async () => ({ data: (await import("../test/fixtures/bench/text-repr-trace-2mb.json")).default })],
  render: (args, { loaded }) => <TwoMegabyteView {...args} data={loaded.data} markers={false} highlightLines={20_000} />,
  play: async ({ canvasElement }) => {
    const lines = Number(within(canvasElement).getByRole("list").getAttribute("aria-label")?.match(/([\d,]+) lines/)?.[1]?.replace(/,/g, ""));
    await expect(lines).toBeGreaterThan(30_000);
    await expect(rowCount(canvasElement)).toBeLessThan(120);
    await waitFor(() => expect(document.activeElement?.getAttribute("data-line")).toBe("20000"));
  },
};

/** The same trace with markers: each event is one expandable line; Expand all opens every one. */
export const TwoMegabytesWithMarkers: Story = {
  loaders: [async () => ({ data: (await import("../test/fixtures/bench/text-repr-trace-2mb.json")).default })],
  render: (args, { loaded }) => <TwoMegabyteView {...args} data={loaded.data} markers />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Expand all" }));
    await expect(rowCount(canvasElement)).toBeLessThan(120);
    await userEvent.click(canvas.getByRole("button", { name: "Collapse all" }));
  },
};

export const PlainUnnumberedText: Story = { args: { text: "First line\nSecond line with https://posthog.com link\n\n    indented fourth line" } };
export const NoWrap: Story = { args: { wrap: false } };
export const Loading: Story = { args: { text: undefined, loading: true } };
export const LoadError: Story = { args: { text: undefined, error: new Error("HTTP 500: Failed to generate text representation"), onRetry: fn() } };
export const Empty: Story = { args: { text: "" } };

/** HTML and script URLs in the text stay text; only http(s) becomes a link. */
export const HostileText: Story = {
  args: { text: hostileText },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /chars truncated/ }));
    await expect((window as { __tlPwned?: number }).__tlPwned).toBeUndefined();
    await expect(canvasElement.querySelector("img, script, [onerror], [onclick]")).toBeNull();
    for (const a of canvasElement.querySelectorAll("a")) await expect(a.getAttribute("href")).toMatch(/^https:\/\/example\.com\//);
  },
};

/** Every state side by side. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: "grid", gap: 16 }}>
      <TextReprView loading />
      <TextReprView error={new Error("HTTP 500")} onRetry={() => {}} />
      <TextReprView text="" />
      <TextReprView text={hostileText} maxHeight={120} label="Hostile text" />
      <TextReprView text={codingAgentTraceText()} maxHeight={200} highlightLines={{ start: 8, end: 10 }} focusHighlight={false} label="Trace text" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('[data-slot="text-repr-view"]')].map((el) => el.getAttribute("data-state"));
    await expect(new Set(states)).toEqual(new Set(["loading", "error", "empty", "ready"]));
  },
};
