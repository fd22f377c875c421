import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ExplorePage } from "./ExploreStoryParts";
import { tabTo } from "./keyboardPlay";

const SLOW = { timeout: 10_000 };

const meta = {
  title: "Guides/Explore",
  component: ExplorePage,
  parameters: {
    layout: "fullscreen",
    docs: {
      description: {
        component:
          "Everything explore in one screen, offline over the embedded local client: the filter bar, AI sessions, " +
          "LLM errors and the trace they lead to, with newer/older navigation (p / n) and every choice kept in the " +
          "URL by `useTraceLensUrlState` (here a host router of two functions, in memory).",
      },
    },
  },
} satisfies Meta<typeof ExplorePage>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsIn = (region: HTMLElement) => within(region).queryAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
/** The rows a virtual table has in all (aria-rowcount, header row included): the drawn ones are only a window. */
const rowCountIn = (region: HTMLElement) => Number(region.querySelector("table[aria-rowcount]")?.getAttribute("aria-rowcount") ?? Number.NaN);

/**
 * A keyboard user's walk: into the sessions list and one session's traces, back to the filters to leave
 * out test accounts, on to the errors, one error's failing traces, and the trace itself; then `n` for the
 * next older trace. The URL follows every step.
 */
export const KeyboardWalk: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const sessions = canvas.getByRole("region", { name: "Sessions" });
    const errors = canvas.getByRole("region", { name: "Errors" });
    await waitFor(() => expect(rowsIn(sessions).length).toBeGreaterThan(3), SLOW);
    await waitFor(() => expect(rowsIn(errors).length).toBeGreaterThan(1), SLOW);

    // Sessions: Tab into the rows, → opens the first session's traces.
    await tabTo((el) => sessions.contains(el) && el.hasAttribute("data-row-id"));
    await userEvent.keyboard("{ArrowRight}");
    await within(sessions).findByRole("list", { name: /^Traces of session/ }, SLOW);
    const before = rowCountIn(sessions);
    expect(before).toBeGreaterThan(1);

    // Filters: back to the test-accounts toggle, Space leaves them out; the URL says so.
    await tabTo((el) => el.getAttribute("type") === "checkbox", { backwards: true });
    await userEvent.keyboard(" ");
    await waitFor(() => expect(canvas.getByTestId("url")).toHaveTextContent("filter_test_accounts=true"), SLOW);
    await waitFor(() => expect(rowsIn(sessions).length).toBeGreaterThan(0), SLOW);
    expect(rowCountIn(sessions)).toBeLessThanOrEqual(before);

    // Errors: Tab on to the error rows, → opens the first error's failing traces, Enter on one opens it.
    await tabTo((el) => errors.contains(el) && el.hasAttribute("data-row-id"), { limit: 80 });
    await userEvent.keyboard("{ArrowRight}");
    const failing = await within(errors).findByRole("list", { name: "Traces with this error" }, SLOW);
    await waitFor(() => expect(within(failing).getAllByRole("button").length).toBeGreaterThan(0), SLOW);
    await tabTo((el) => failing.contains(el) && el.localName === "button");
    const chosen = (document.activeElement as HTMLElement).textContent;
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(canvas.getByTestId("url")).toHaveTextContent(/trace=/), SLOW);
    const trace = await canvas.findByRole("region", { name: "Trace" }, SLOW);
    await waitFor(() => expect(trace.querySelector('[data-slot="trace-detail"]')).toHaveAttribute("data-state", "ready"), SLOW);
    expect(chosen).toBeTruthy();

    // Newer/older under the same filters: `n` goes to the older trace (`p` to the newer one where it is the oldest).
    const opened = canvas.getByTestId("url").textContent;
    await waitFor(() => expect(trace.querySelector('[data-slot="trace-detail-navigation"]')).not.toHaveAttribute("aria-busy"), SLOW);
    const older = within(trace).getByRole("button", { name: /Older/ }) as HTMLButtonElement;
    const newer = within(trace).getByRole("button", { name: /Newer/ }) as HTMLButtonElement;
    await expect(older.disabled && newer.disabled).toBe(false);
    await userEvent.keyboard(older.disabled ? "p" : "n");
    await waitFor(() => expect(canvas.getByTestId("url").textContent).not.toBe(opened), SLOW);
  },
};

/**
 * "Filter to this person" from the traces list, by keyboard: Tab into the rows, on to the focused row's
 * person, Enter opens their popover, Enter on "Filter to this person". The filter lands in the URL and the
 * filter bar, every traces row is then that person's, and the sessions narrow with them; the same popover
 * then offers to remove it.
 */
export const FilterToPerson: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const traces = canvas.getByRole("region", { name: "Traces" });
    const sessions = canvas.getByRole("region", { name: "Sessions" });
    await waitFor(() => expect(rowsIn(traces).length).toBeGreaterThan(3), SLOW);
    await waitFor(() => expect(rowsIn(sessions).length).toBeGreaterThan(1), SLOW);
    const sessionsBefore = rowsIn(sessions).length;

    await tabTo((el) => traces.contains(el) && el.hasAttribute("data-row-id"), { limit: 120 });
    const row = document.activeElement as HTMLElement;
    const person = await tabTo((el) => row.contains(el) && el.hasAttribute("aria-expanded") && /^Person: /.test(el.textContent ?? ""));
    const who = person.querySelector('[data-slot="person-badge-label"]')!.textContent!;
    await userEvent.keyboard("{Enter}");
    const panel = await within(document.body).findByRole("group", { name: /^Person / });
    await expect(panel).toBeVisible();
    await tabTo((el) => el.textContent === "Filter to this person");
    await userEvent.keyboard("{Enter}");

    // The popover closed, focus is back on the person, and the filter is in the URL and the filter bar.
    await waitFor(() => expect(canvas.getByTestId("url")).toHaveTextContent(/filters=.*person/), SLOW);
    await expect(within(canvas.getByRole("list", { name: "Property filters" })).getAllByRole("listitem")).toHaveLength(1);
    await waitFor(() => expect(rowsIn(traces).length).toBeGreaterThan(0), SLOW);
    await waitFor(() => expect(rowsIn(traces).every((tr) => tr.querySelector('[data-slot="person-badge-label"]')?.textContent === who)).toBe(true), SLOW);
    await waitFor(() => expect(rowsIn(sessions).length).toBeLessThan(sessionsBefore), SLOW);

    // On any of their rows the popover now offers to remove the filter.
    await userEvent.click(within(rowsIn(traces)[0]!).getByRole("button", { name: /^Person: / }));
    await expect(await within(document.body).findByRole("button", { name: "Remove the filter to this person" })).toBeVisible();
  },
};
