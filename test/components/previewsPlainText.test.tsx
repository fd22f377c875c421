import { render, screen, within } from "@testing-library/react";
import { SessionViewTraceList, TracesTable } from "../../src/all";
import { parseMessages } from "../../src/core";
import { messagePreview } from "../../src/components/TraceDetail/traceDetailMessageText";
import { SESSION_ID, SESSION_TRACE_IDS as IDS, sessionTracesFixture } from "../../stories/fixtures/sessionFixtures";

// The Lisbon session's first answer is markdown: "For a first visit, **Baixa** or **Chiado**: central, …".
const traces = () => sessionTracesFixture().filter((t) => t.aiSessionId === SESSION_ID);

describe("one-line previews show markdown as the words it renders as", () => {
  it("in SessionView's turn previews", () => {
    render(<SessionViewTraceList sessionId={SESSION_ID} traces={traces()} />);
    const first = screen.getAllByRole("listitem").find((li) => li.dataset.traceId === IDS[0])!;
    const assistant = within(first).getByText(/^Assistant:/).closest("p")!;
    expect(assistant).toHaveTextContent("Assistant: For a first visit, Baixa or Chiado: central, walkable");
    expect(assistant.textContent).not.toContain("*");
  });

  it("in TracesTable's input and output cells (text and title)", () => {
    render(<TracesTable traces={traces()} />);
    const row = screen.getAllByRole("row").find((r) => r.dataset.rowId === IDS[0])!;
    const output = within(row).getAllByRole("cell").find((td) => td.dataset.columnId === "output")!;
    const preview = output.querySelector('[data-slot="traces-table-preview"]')!;
    expect(preview).toHaveTextContent("For a first visit, Baixa or Chiado:");
    expect(preview.getAttribute("title")).not.toContain("**");
  });

  it("in TraceDetail's collapsed messages: text parts stripped, tool calls kept as written", () => {
    const [message] = parseMessages([
      {
        role: "assistant",
        content: [{ type: "text", text: "## Plan\n\n- **Book** the `tram`\n\n```sh\nls\n```" }],
        tool_calls: [{ id: "c1", type: "function", function: { name: "search", arguments: '{"q":"*star*"}' } }],
      },
    ]);
    const preview = messagePreview(message!);
    expect(preview).toContain("Plan Book the tram [code: sh, 1 line]");
    expect(preview).toContain('search({"q":"*star*"})');
    expect(messagePreview(message!, 12)).toBe("Plan Book t…");
  });
});
