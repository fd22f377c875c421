import { render } from "vitest-browser-react";
import { page, userEvent } from "vitest/browser";
import { GenerationsTable, SessionView, TraceDetail, TracesTable } from "../../src/all";
import { MESSAGE_SHAPE_FIXTURES, type MessageShape, type MessageShapeFixture } from "../messageShapeFixtures";

const POLL = { timeout: 10_000 };
/** "$0.00" as a whole amount (not the start of "$0.0066"). */
const ZERO_COST = /\$0\.00(?!\d)/;
const text = (element: Element | null | undefined) => (element?.textContent ?? "").replace(/\s+/g, " ");

/** Opens every collapsed message, reasoning box and tool list, so all content is in the DOM. */
async function expandEverything(root: Element): Promise<void> {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-slot="conversation"] button')) {
    if (button.textContent === "Expand all" && !button.disabled) await userEvent.click(button);
  }
  for (let round = 0; round < 3; round++) {
    const closed = [...root.querySelectorAll<HTMLButtonElement>('[data-slot="message-reasoning"] > button[aria-expanded="false"], [data-slot="conversation-tools"] > button[aria-expanded="false"]')];
    if (closed.length === 0) break;
    for (const button of closed) await userEvent.click(button);
  }
}

function checkConversation(root: Element, fixture: MessageShapeFixture, shape: MessageShape): void {
  const where = `${fixture.name}/${shape.id}`;
  const conversation = root.querySelector('[data-slot="conversation"]');
  expect(conversation, where).not.toBeNull();
  const all = text(conversation);
  const e = shape.expect;
  for (const wanted of e.texts ?? []) expect(all, `${where}: text "${wanted}"`).toContain(wanted.replace(/\s+/g, " "));
  const calls = [...conversation!.querySelectorAll('[data-slot="message-tool-call"]')].map((card) => text(card));
  for (const tool of e.tools ?? []) expect(calls.some((card) => card.includes(tool)), `${where}: tool ${tool}`).toBe(true);
  // Remote media waits behind the media policy's gate ("Load image from …"): shown, not yet loaded.
  const waiting = (kind: string) => conversation!.querySelectorAll(`[data-slot="media-gate"][data-state="ask"][data-kind="${kind}"]`).length;
  const counts = {
    image: conversation!.querySelectorAll('img[data-slot="message-image"]').length + waiting("image"),
    audio: conversation!.querySelectorAll("audio").length + waiting("audio"),
    video: conversation!.querySelectorAll("video").length + waiting("video"),
    file: conversation!.querySelectorAll('[data-slot="message-file"]').length,
  };
  for (const [kind, count] of Object.entries(e.media ?? {})) expect(counts[kind as keyof typeof counts], `${where}: ${kind}`).toBeGreaterThanOrEqual(count);
  const notices = [...conversation!.querySelectorAll('[data-slot="message-media-omitted"]')].map((n) => text(n));
  for (const notice of e.notices ?? []) {
    if (notice === "encrypted") expect(all, where).toContain("recorded encrypted");
    else expect(notices.some((n) => n.includes(notice)), `${where}: notice "${notice}" in ${JSON.stringify(notices)}`).toBe(true);
  }
  const raw = conversation!.querySelectorAll('[data-slot="message-raw-reason"], [data-slot="message-raw-part"]').length;
  expect(raw, `${where}: raw cards`).toBe(e.raw ?? 0);
  const tools = text(conversation!.querySelector('[data-slot="conversation-tools"]'));
  for (const tool of e.availableTools ?? []) expect(tools, `${where}: available ${tool}`).toContain(tool);
  const labels = [...conversation!.querySelectorAll('[data-slot="conversation-details"] dt')].map((dt) => text(dt));
  for (const label of e.details ?? []) expect(labels, `${where}: detail ${label}`).toContain(label);
  if (e.spanKind) {
    expect(text(root.querySelector('[data-slot="event-header"] [data-slot="span-kind"]')), where).toBe(e.spanKind);
    expect(text(root.querySelector('[data-slot="trace-tree-row"][data-state="selected"] [data-slot="span-kind"]')), where).toBe(e.spanKind);
  }
}

function checkHeader(root: Element, fixture: MessageShapeFixture, shape: MessageShape): void {
  const chip = text(root.querySelector('[data-slot="trace-header"] [data-slot="chip-cost"]'));
  if (shape.expect.headerCost) expect(chip, `${fixture.name}/${shape.id}: header cost`).toContain(`Cost${shape.expect.headerCost}`);
  if (shape.expect.costNote) expect(chip).toContain(shape.expect.costNote);
}

beforeEach(async () => {
  await page.viewport(1400, 1000);
});

describe("every message shape renders in TraceDetail", () => {
  it.each(MESSAGE_SHAPE_FIXTURES.map((fixture) => [fixture.name, fixture] as const))("%s", async (_name, fixture) => {
    const byEvent = new Map<string, MessageShape[]>();
    for (const shape of fixture.shapes) byEvent.set(shape.event, [...(byEvent.get(shape.event) ?? []), shape]);
    for (const [eventId, shapes] of byEvent) {
      const selected = eventId === fixture.trace.id ? null : eventId;
      const screen = await render(<TraceDetail trace={fixture.trace} defaultSelectedEventId={selected} />);
      const root = screen.container;
      await expect.poll(() => root.querySelector('[data-slot="conversation"]'), POLL).not.toBeNull();
      await expandEverything(root);
      for (const shape of shapes) {
        checkConversation(root, fixture, shape);
        checkHeader(root, fixture, shape);
      }
      // Nothing anywhere claims a cost nobody reported.
      expect(text(root.querySelector('[data-slot="trace-header"]'))).not.toMatch(ZERO_COST);
      await screen.unmount();
    }
  });
});

describe("the tables show every fixture's tools and never a cost nobody reported", () => {
  const traces = MESSAGE_SHAPE_FIXTURES.map((fixture) => fixture.trace);

  it("TracesTable: tools, previews and costs", async () => {
    const screen = await render(<TracesTable traces={traces} height={2400} loadSentiment={false} />);
    const root = screen.container;
    await expect.poll(() => root.querySelectorAll("tr[data-row-id]").length, POLL).toBe(traces.length);
    for (const fixture of MESSAGE_SHAPE_FIXTURES) {
      const row = root.querySelector(`tr[data-row-id="${fixture.trace.id}"]`)!;
      const cost = text(row.querySelector('td[data-column-id="cost"]'));
      expect(cost, fixture.name).not.toMatch(ZERO_COST);
      const tools = text(row.querySelector('td[data-column-id="tools"]'));
      for (const shape of fixture.shapes) {
        for (const tool of shape.expect.tableTools ?? []) expect(tools, `${fixture.name}: ${tool}`).toContain(tool);
        if (shape.expect.tableCost) expect(cost, `${fixture.name}/${shape.id}`).toContain(shape.expect.tableCost);
      }
      for (const column of ["input", "output"]) {
        const preview = text(row.querySelector(`td[data-column-id="${column}"]`)).trim();
        // Previews read as text, never as a raw JSON dump of a message.
        expect(preview.startsWith("{") || preview.startsWith("[{"), `${fixture.name} ${column}: ${preview}`).toBe(false);
      }
    }
  });

  it("GenerationsTable: tools and costs", async () => {
    const screen = await render(<GenerationsTable traces={traces} height={4000} loadSentiment={false} />);
    const root = screen.container;
    const generations = traces.flatMap((trace) => trace.events.filter((event) => event.event === "$ai_generation"));
    await expect.poll(() => root.querySelectorAll("tr[data-row-id]").length, POLL).toBe(generations.length);
    for (const fixture of MESSAGE_SHAPE_FIXTURES) {
      for (const shape of fixture.shapes) {
        const row = root.querySelector(`tr[data-row-id="${shape.event}"]`);
        if (!row) continue;
        const tools = text(row.querySelector('td[data-column-id="tools"]'));
        for (const tool of shape.expect.tableTools ?? []) expect(tools, `${fixture.name}/${shape.id}: ${tool}`).toContain(tool);
        const cost = text(row.querySelector('td[data-column-id="cost"]')).trim();
        if (shape.expect.generationCost) expect(cost.startsWith(shape.expect.generationCost), `${shape.id}: ${cost}`).toBe(true);
      }
    }
    for (const cell of root.querySelectorAll('td[data-column-id="cost"]')) expect(text(cell)).not.toMatch(ZERO_COST);
  });

  it("SessionView: trace-event costs, partial sums, and no invented $0.00", async () => {
    const session = traces.map((trace) => ({ ...trace, aiSessionId: "shapes" }));
    const screen = await render(<SessionView sessionId="shapes" traces={session} loadSentiment={false} loadSummaries={false} />);
    const root = screen.container;
    await expect.poll(() => root.querySelectorAll('[data-slot="session-trace"]').length, POLL).toBe(traces.length);
    for (const fixture of MESSAGE_SHAPE_FIXTURES) {
      const row = text(root.querySelector(`[data-slot="session-trace"][data-trace-id="${fixture.trace.id}"]`));
      expect(row, fixture.name).not.toMatch(ZERO_COST);
      for (const shape of fixture.shapes) if (shape.expect.tableCost) expect(row, `${fixture.name}/${shape.id}`).toContain(shape.expect.tableCost);
    }
  });
});
