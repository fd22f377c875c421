import type { ReactNode } from "react";
import { render } from "vitest-browser-react";
import { TracesTable, tracesTableColumns } from "../../src/all";
import { FIXTURE_NOW, syntheticTraces } from "../../stories/fixtures/tableFixtures";

/** Polls wait on rendering, which shares the CPU with the rest of CI. */
const POLL = { timeout: 10_000 };
const TRACES = syntheticTraces(10_000);

const dataRows = (root: Element) => [...root.querySelectorAll<HTMLTableRowElement>("tr[data-row-id]")];

/** Jumps to the middle of the table and waits for its rows; returns the first row element drawn before. */
async function jumpToMiddle(root: Element): Promise<{ before: HTMLTableRowElement; beforeId: string }> {
  await expect.poll(() => dataRows(root).length, POLL).toBeGreaterThan(5);
  const before = dataRows(root)[0]!;
  const beforeId = before.getAttribute("data-row-id")!;
  const scroller = root.querySelector<HTMLElement>('[data-slot="traces-table-viewport"]')!;
  scroller.scrollTop = scroller.scrollHeight / 2;
  await expect.poll(() => dataRows(root).some((row) => Number(row.getAttribute("aria-rowindex")) > 4_000), POLL).toBe(true);
  return { before, beforeId };
}

describe("TracesTable reusing rows", () => {
  it("draws the rows a jump brings into the row elements already there", async () => {
    const screen = await render(<Wide><TracesTable traces={TRACES} now={FIXTURE_NOW} height={480} /></Wide>);
    const { before, beforeId } = await jumpToMiddle(screen.container);
    expect(before.isConnected).toBe(true);
    const nowId = before.getAttribute("data-row-id")!;
    expect(nowId).not.toBe(beforeId);
    // The reused element shows its new row throughout, down to the copy button's text.
    expect(before.querySelector('[data-column-id="id"]')!.textContent).toContain(nowId);
    expect(before.querySelector('[data-slot="copy-button"]')).toHaveAttribute("aria-label", `Copy trace ID ${nowId}`);
  });

  it("gives a reused row none of the old row's failed cells", async () => {
    const failing = TRACES[0]!.id;
    const check = {
      id: "check",
      header: "Check",
      recycle: true,
      cell: (trace: { id: string }) => {
        if (trace.id === failing) throw new Error("this row cannot be checked");
        return <span>checked</span>;
      },
    };
    const screen = await render(
      <Wide>
        <TracesTable traces={TRACES} now={FIXTURE_NOW} height={480} columns={[...tracesTableColumns, check]} />
      </Wide>,
    );
    await expect.poll(() => screen.container.querySelector('[data-slot="data-table-cell-error"]'), POLL).not.toBeNull();
    const { before } = await jumpToMiddle(screen.container);
    expect(before.isConnected).toBe(true);
    expect(before.querySelector('[data-slot="data-table-cell-error"]')).toBeNull();
    expect(before.querySelector('[data-column-id="check"]')).toHaveTextContent("checked");
  });

  it("keeps each row to its own elements when a column does not say its cells can be reused", async () => {
    const columns = [...tracesTableColumns, { id: "plan", header: "Plan", cell: () => <PlanCell /> }];
    const screen = await render(<Wide><TracesTable traces={TRACES} now={FIXTURE_NOW} height={480} columns={columns} /></Wide>);
    const { before } = await jumpToMiddle(screen.container);
    expect(before.isConnected).toBe(false);
  });
});

/** Wide enough for every column: a narrow table moves most of them into its rows' details. */
function Wide({ children }: { children: ReactNode }) {
  return <div style={{ width: 2400 }}>{children}</div>;
}

function PlanCell() {
  return <span>pro</span>;
}
