import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { PersonBadge } from "../src/all";
import { HOSTILE_STRINGS } from "./fixtures/tableFixtures";
import { tabTo, named } from "./keyboardPlay";
import { INLINE_AVATAR, PEOPLE, REMOTE_AVATAR } from "./fixtures/personFixtures";

const ana = { uuid: "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001", distinct_id: "user-ana", properties: { email: "ana@acme.com", name: "Ana Lima", tier: "pro", $initial_os: "Mac OS X" } };

const meta = {
  title: "Components/PersonBadge",
  component: PersonBadge,
  parameters: {
    docs: {
      description: {
        component:
          "A person as PostHog shows one: initials, then email, name, username, a host-given name or the distinct id. " +
          "It opens a popover with their properties and \"Filter to this person\", whose filter (email, username or " +
          "distinct id) goes straight into `useTraceFilters`.",
      },
    },
  },
  args: { person: ana, onFilterToPerson: fn() },
} satisfies Meta<typeof PersonBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Keyboard only: Tab to the badge, Enter opens it, Tab to "Filter to this person", Enter filters and closes. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    await tabTo((el) => el.hasAttribute("aria-expanded") && /ana@acme\.com/.test(el.textContent ?? ""));
    await userEvent.keyboard("{Enter}");
    const panel = within(canvasElement).getByRole("group", { name: "Person ana@acme.com" });
    await expect(panel).toHaveTextContent("user-ana");
    await tabTo(named("Filter to this person"));
    await userEvent.keyboard("{Enter}");
    await expect(args.onFilterToPerson).toHaveBeenCalledWith({ type: "person", key: "email", operator: "exact", value: "ana@acme.com" }, expect.anything());
    await expect(document.activeElement).toHaveAccessibleName("Person: ana@acme.com");
  },
};

/** Already filtered to this person: the button offers to remove the filter. */
export const Filtered: Story = {
  args: { filtered: true },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    await expect(within(canvasElement).getByRole("button", { name: "Remove the filter to this person" })).toBeVisible();
  },
};

/** Loading: the person object has not arrived; the distinct id stands in. */
export const Loading: Story = {
  args: { person: null, distinctId: "user-7f3a" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Person: user-7f3a" })).toBeVisible();
  },
};

/** Empty: nothing is known; the popover says so and offers no filter. */
export const Empty: Story = {
  args: { person: null },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    await expect(within(canvasElement).getByText("Nothing is known about this person.")).toBeVisible();
    await expect(within(canvasElement).queryByRole("button", { name: "Filter to this person" })).toBeNull();
  },
};

/** Error: properties of every wrong shape (objects, arrays, a cycle-free nest, null) read as text. */
export const Error: Story = {
  args: { person: { distinct_id: "user-odd", properties: { nested: { a: [1, { b: null }] }, list: [1, 2, 3], nothing: null, flag: true, n: 3.5 } } },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    await userEvent.click(within(canvasElement).getByText("Properties (5)"));
    await expect(within(canvasElement).getByText('{"a":[1,{"b":null}]}')).toBeVisible();
  },
};

/** Huge: 5,000 properties; forty are listed and the rest counted. */
export const Huge: Story = {
  args: { person: { distinct_id: "user-big", properties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`prop_${i}`, "x".repeat(i % 300)])) } },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    await userEvent.click(within(canvasElement).getByText("Properties (5000)"));
    await expect(within(canvasElement).getByText("4960 more not shown")).toBeVisible();
  },
};

/** Hostile names and values stay text. */
export const Hostile: Story = {
  args: { person: { distinct_id: HOSTILE_STRINGS.long, properties: { name: HOSTILE_STRINGS.script, email: HOSTILE_STRINGS.image, bio: HOSTILE_STRINGS.markdown, bidi: HOSTILE_STRINGS.bidi } } },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    await userEvent.click(within(canvasElement).getByText(/^Properties/));
    await expect(canvasElement.querySelector("script, img[onerror], a[href^='javascript']")).toBeNull();
    await expect((window as { __tracelensPwned?: boolean }).__tracelensPwned).toBeUndefined();
  },
};

/** An inline (data:) picture draws at once, in the badge and the popover. */
export const InlinePicture: Story = {
  args: { person: PEOPLE[1] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="person-badge-avatar"] img')).toHaveAttribute("src", INLINE_AVATAR);
  },
};

/** A remote picture is not requested: initials stay, and the popover offers to load it, naming its host. */
export const RemotePictureAsks: Story = {
  args: { person: PEOPLE[0] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("img")).toBeNull();
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    const load = within(canvasElement).getByRole("button", { name: "Load image from avatars.example.com" });
    await userEvent.click(load);
    await expect(canvasElement.querySelector(`img[src="${REMOTE_AVATAR}"]`)).not.toBeNull();
  },
};

/** The host allows the picture's origin: it draws in the badge. */
export const RemotePictureAllowed: Story = {
  args: { person: PEOPLE[0], mediaPolicy: { allowOrigins: [new URL(REMOTE_AVATAR).origin] } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(`[data-slot="person-badge-avatar"] img[src="${REMOTE_AVATAR}"]`)).not.toBeNull();
  },
};

/** A picture address that is no image address (javascript:) is never drawn; the popover says it is not allowed. */
export const PictureRefused: Story = {
  args: { person: PEOPLE[3] },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /^Person:/ }));
    await expect(within(canvasElement).getByText(/its address is not allowed/)).toBeVisible();
    await expect(canvasElement.querySelector("img")).toBeNull();
  },
};
