import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { TraceFilters } from "../src/all";
import { HOSTILE_STRINGS } from "./fixtures/tableFixtures";
import { exploreTraces } from "./fixtures/exploreFixtures";
import { tabTo, named } from "./keyboardPlay";
import { ControlledFilters } from "./TraceFiltersStoryParts";

const meta = {
  title: "Components/TraceFilters",
  component: TraceFilters,
  parameters: {
    docs: {
      description: {
        component:
          "A filter bar a host drops in: PostHog's date range (presets, last N units, between two days), event and " +
          "person property filters with operators PostHog supports and values suggested from loaded traces, the " +
          "test-accounts toggle and a sentiment filter. Pair it with `useTraceFilters`, whose `params` go to a " +
          "TracesQuery and whose `exploreFilters` go to the sessions and errors tables.",
      },
    },
  },
  render: (args) => <ControlledFilters {...args} />,
  args: { traces: exploreTraces({ traces: 40 }) },
} satisfies Meta<typeof TraceFilters>;
export default meta;
type Story = StoryObj<typeof meta>;

const params = (canvas: HTMLElement) => JSON.parse(within(canvas).getByTestId("params").textContent ?? "{}") as Record<string, unknown>;

/** Nothing chosen: PostHog's last 7 days. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Date range: Last 7 days" })).toBeVisible();
    await expect(params(canvasElement)).toEqual({ dateRange: { date_from: "-7d", date_to: null } });
  },
};

/** Keyboard only: a preset, a relative range, a person property filter from suggestions, test accounts, sentiment, and removing the filter. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await tabTo(named(/^Date range/));
    await userEvent.keyboard("{Enter}");
    await tabTo(named("Last 30 days"));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(params(canvasElement).dateRange).toEqual({ date_from: "-30d", date_to: null }));
    await expect(document.activeElement).toBe(canvas.getByRole("button", { name: "Date range: Last 30 days" }));

    await userEvent.keyboard("{Enter}");
    await tabTo((el) => el.localName === "input" && el.getAttribute("type") === "number");
    await userEvent.keyboard("{Control>}a{/Control}3");
    await tabTo(named("Unit"));
    await userEvent.selectOptions(document.activeElement as HTMLSelectElement, "w");
    await userEvent.tab();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(params(canvasElement).dateRange).toEqual({ date_from: "-3w", date_to: null }));

    await tabTo(named(/^Add filter/));
    await userEvent.keyboard("{Enter}");
    await tabTo((el) => el.localName === "select" && el.id.endsWith("-type"));
    await userEvent.selectOptions(document.activeElement as HTMLSelectElement, "person");
    await userEvent.tab();
    await userEvent.keyboard("tier");
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard("pro{Enter}");
    await waitFor(() => expect(params(canvasElement).properties).toEqual([{ type: "person", key: "tier", operator: "exact", value: "pro" }]));
    await expect(canvas.getByRole("list", { name: "Property filters" })).toHaveTextContent('person tier equals "pro"');

    await tabTo((el) => el.getAttribute("type") === "checkbox" && (el as HTMLInputElement).labels?.[0]?.textContent === "Filter out internal and test users");
    await userEvent.keyboard(" ");
    await waitFor(() => expect(params(canvasElement).filterTestAccounts).toBe(true));
    await tabTo(named(/^Negative/));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(params(canvasElement).includeSentiment).toBe(true));

    await tabTo(named(/^Remove filter: person tier/), { backwards: true });
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(params(canvasElement).properties).toBeUndefined());
  },
};

/** PostHog's own refusals show before a filter is added: a range whose minimum is above its maximum. */
export const RefusedFilter: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Add filter" }));
    await userEvent.type(canvas.getByLabelText("Property"), "$ai_latency");
    await userEvent.selectOptions(canvas.getByLabelText("Operator"), "between");
    await userEvent.type(canvas.getByLabelText("From"), "5");
    await userEvent.type(canvas.getByLabelText("To"), "1");
    await userEvent.click(canvas.getByRole("button", { name: "Add" }));
    await expect(canvas.getByRole("alert")).toHaveTextContent(/min value to be less than or equal to max value/);
    await expect(params(canvasElement).properties).toBeUndefined();
  },
};

/** Loading: no traces yet, so nothing to suggest; the bar works all the same. */
export const Loading: Story = {
  args: { traces: [] },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Add filter" }));
    await expect(canvasElement.querySelectorAll("datalist option")).toHaveLength(0);
  },
};

/** Empty: every filter off. "Clear" appears only when something is on. */
export const Empty: Story = {
  args: { sections: ["date", "properties", "testAccounts", "sentiment"] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("button", { name: /^Clear/ })).toBeNull();
  },
};

/** Error: filters from a URL that PostHog would refuse say so on their chips, and stay removable. */
export const Error: Story = {
  args: {},
  render: (args) => (
    <ControlledFilters
      {...args}
      defaultValue={{
        properties: [
          { type: "event", key: "$ai_model", operator: "regex", value: "(?<=gpt)-4" },
          { type: "event", key: "$ai_latency", operator: "between", value: [9, 1] },
        ],
      }}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-invalid="true"]')).toHaveLength(2);
    await expect(within(canvasElement).getByText(/re2 has no lookaround/)).toBeVisible();
  },
};

/** Huge: suggestions from 2,000 traces and forty filters at once. */
export const Huge: Story = {
  args: { traces: exploreTraces({ traces: 2000, seed: 9 }) },
  render: (args) => (
    <ControlledFilters {...args} defaultValue={{ properties: Array.from({ length: 40 }, (_, i) => ({ type: "event", key: `$ai_key_${i}`, operator: "is_set" })) }} />
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole("button", { name: /^Remove filter/ })).toHaveLength(40);
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Add filter" }));
    await waitFor(() => expect(canvasElement.querySelectorAll("datalist option").length).toBeGreaterThan(10));
  },
};

/** Hostile keys and values stay text on chips and in suggestions. */
export const Hostile: Story = {
  render: (args) => (
    <ControlledFilters
      {...args}
      defaultValue={{ properties: Object.values(HOSTILE_STRINGS).map((text) => ({ type: "person", key: text.slice(0, 300), operator: "exact", value: text })) }}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("script, img[onerror], a[href^='javascript']")).toBeNull();
    await expect((window as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
    await expect(within(canvasElement).getAllByRole("button", { name: /^Remove filter/ })).toHaveLength(Object.keys(HOSTILE_STRINGS).length);
  },
};
