/**
 * The runnable examples of the "Theming" guide: one TracesTable under a host's brand tokens (and one
 * unlayered host rule), and the same table forced dark inside a light page.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import type { CSSProperties } from "react";
import { expect, within } from "storybook/test";
import { TracesTable } from "../../src/all";
import { FIXTURE_NOW, syntheticTraces } from "../fixtures/tableFixtures";

const traces = syntheticTraces(5, { seed: 7 });

/** The host's stylesheet, as the guide shows it: tokens on an ancestor, plus one ordinary rule. */
const ACME_CSS = `
.acme-brand {
  --tl-accent-light: #6d28d9;
  --tl-accent-dark: #c4b5fd;
  --tl-focus-light: #6d28d9;
  --tl-focus-dark: #c4b5fd;
  --tl-selected-bg-light: #ede9fe;
  --tl-border-light: #c4b5fd;
  --tl-radius: 0.75rem;
  --tl-font-sans: Georgia, "Times New Roman", serif;
}
/* Unlayered, so it beats tracelens' own header background without !important. */
.acme-brand [data-slot="data-table-head"] {
  background: #f5f3ff;
  border-bottom-color: #6d28d9;
}
`;

function Table(props: { "data-theme"?: string; style?: CSSProperties }) {
  return <TracesTable traces={traces} now={FIXTURE_NOW} height={220} defaultColumnVisibility={{ output: false, person: false }} {...props} />;
}

function BrandedPage() {
  return (
    <>
      <style>{ACME_CSS}</style>
      <div className="acme-brand">
        <Table />
      </div>
    </>
  );
}

function DarkPanel() {
  // The page (the gallery's frame) is light; data-theme on the component itself wins over it.
  return <Table data-theme="dark" style={{ background: "var(--tl-bg)", padding: 12, borderRadius: 8 }} />;
}

const meta = {
  title: "Guides/Examples/Theming",
  tags: ["!dev", "!autodocs"],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const root = (canvas: HTMLElement) => canvas.querySelector<HTMLElement>('[data-slot="traces-table-root"]')!;
const token = (el: HTMLElement, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

/** Brand tokens set on an ancestor reach every part; the host's unlayered rule beats the library's. */
export const HostBrand: Story = {
  render: () => <BrandedPage />,
  play: async ({ canvasElement }) => {
    const table = root(canvasElement);
    await expect(token(table, "--tl-accent")).toBe("#6d28d9");
    await expect(token(table, "--tl-radius")).toBe("0.75rem");
    const head = within(canvasElement).getAllByRole("columnheader")[0]!;
    await expect(head).toHaveAttribute("data-slot", "data-table-head");
    await expect(getComputedStyle(head).backgroundColor).toBe("rgb(245, 243, 255)");
  },
};

/** `data-theme="dark"` on the component: dark tokens inside a light page. */
export const ForcedDark: Story = {
  render: () => <DarkPanel />,
  play: async ({ canvasElement }) => {
    const table = root(canvasElement);
    await expect(token(table, "--tl-bg")).toBe("#18181b");
    await expect(getComputedStyle(table).colorScheme).toBe("dark");
  },
};
