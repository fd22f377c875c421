import { cleanup, fireEvent, render } from "@testing-library/react";
import fc from "fast-check";
import type { LLMTrace } from "../../src/core";
import { parseMessages } from "../../src/core/messages";
import { buildTraceTree } from "../../src/core/trace";
import { TraceDetailConversation } from "../../src/components/TraceDetail/TraceDetailConversation";

/**
 * No silent drop: for any message built from the shapes the parser accepts, every text put into
 * it appears in the rendered conversation; anything it does not understand appears as a raw card
 * with a reason.
 */

/** A piece of content and how it must appear: as typed, or inside a JSON viewer (escaped). */
interface Wanted {
  text: string;
  json?: boolean;
}
interface Built {
  value: unknown;
  wanted: Wanted[];
  /** Items or blocks the parser cannot understand. */
  unknown: number;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
// Texts that would be read as something else (JSON, a placeholder, markdown) are not plain text.
const textArb = fc
  .string({ minLength: 1, maxLength: 24, unit: "grapheme" })
  .filter((s) => /\S/.test(s) && !/^\s*[{[]/.test(s) && !/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/.test(s));
const nameArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/);
const idArb = fc.stringMatching(/^call_[a-z0-9]{1,8}$/);

type Block = { block: unknown; wanted: Wanted[]; unknown: number };
const plain = (text: string): Wanted => ({ text });

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  textArb.map((t) => ({ block: { type: "text", text: t }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "input_text", text: t }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "output_text", text: t, annotations: [] }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "text", content: t }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "thinking", thinking: t }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "reasoning", text: t }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "refusal", refusal: t }, wanted: [plain(t)], unknown: 0 })),
  fc.tuple(nameArb, idArb, textArb).map(([name, id, t]) => ({ block: { type: "tool_use", id, name, input: { q: t } }, wanted: [plain(name), { text: t, json: true }], unknown: 0 })),
  fc.tuple(nameArb, idArb, textArb).map(([name, id, t]) => ({
    block: { type: "tool-call", id, function: { name, arguments: JSON.stringify({ q: t }) } },
    wanted: [plain(name), { text: t, json: true }],
    unknown: 0,
  })),
  fc.tuple(nameArb, idArb, textArb).map(([name, id, t]) => ({ block: { type: "tool-call", toolCallId: id, toolName: name, input: { q: t } }, wanted: [plain(name), { text: t, json: true }], unknown: 0 })),
  fc.tuple(nameArb, textArb).map(([name, t]) => ({ block: { type: "function_call", function_call: { name, args: { q: t } } }, wanted: [plain(name), { text: t, json: true }], unknown: 0 })),
  fc.tuple(idArb, textArb).map(([id, t]) => ({ block: { type: "tool_result", tool_use_id: id, content: t }, wanted: [plain(t)], unknown: 0 })),
  fc.tuple(idArb, textArb).map(([id, t]) => ({ block: { type: "tool_result", tool_use_id: id, content: [{ type: "text", text: t }] }, wanted: [plain(t)], unknown: 0 })),
  fc.tuple(nameArb, textArb).map(([name, t]) => ({ block: { type: "function_response", function_response: { name, response: { r: t } } }, wanted: [{ text: t, json: true }], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" }, transcript: t }, wanted: [], unknown: 0 })),
  nameArb.map((n) => ({ block: { type: "file", file: { filename: `${n}.pdf`, file_data: "[base64 file redacted]" } }, wanted: [plain(`${n}.pdf`)], unknown: 0 })),
  textArb.map((t) => ({ block: { type: "source", sourceType: "url", id: "s1", url: "https://example.org/x", title: t }, wanted: [plain(t)], unknown: 0 })),
  fc.constantFrom("widget", "mystery_block", "chart").map((type) => ({ block: { type, payload: 1 }, wanted: [], unknown: 1 })),
);

const roleArb = fc.constantFrom("user", "assistant", "system", "developer", "human", "ai", "model");

const itemArb: fc.Arbitrary<Built> = fc.oneof(
  fc.tuple(roleArb, textArb).map(([role, t]) => ({ value: { role, content: t }, wanted: [plain(t)], unknown: 0 })),
  fc.tuple(roleArb, fc.array(blockArb, { minLength: 1, maxLength: 4 })).map(([role, blocks]) => ({
    value: { role, content: blocks.map((b) => b.block) },
    wanted: blocks.flatMap((b) => b.wanted),
    unknown: blocks.reduce((n, b) => n + b.unknown, 0),
  })),
  fc.tuple(fc.constantFrom("human", "ai", "context", "system"), textArb).map(([type, t]) => ({ value: { type, content: t }, wanted: [plain(t)], unknown: 0 })),
  fc.tuple(fc.constantFrom("user", "model"), fc.array(textArb, { minLength: 1, maxLength: 3 })).map(([role, texts]) => ({
    value: { role, parts: texts.map((text) => ({ text })) },
    wanted: texts.map(plain),
    unknown: 0,
  })),
  fc.tuple(idArb, textArb).map(([id, t]) => ({ value: { role: "tool", tool_call_id: id, content: t }, wanted: [plain(t)], unknown: 0 })),
  fc.tuple(nameArb, idArb, textArb).map(([name, id, t]) => ({
    value: { role: "assistant", content: null, tool_calls: [{ id, type: "function", function: { name, arguments: JSON.stringify({ q: t }) } }] },
    wanted: [plain(name), { text: t, json: true }],
    unknown: 0,
  })),
  fc.tuple(nameArb, idArb, textArb).map(([name, id, t]) => ({ value: { type: "function_call", call_id: id, name, arguments: JSON.stringify({ q: t }) }, wanted: [plain(name), { text: t, json: true }], unknown: 0 })),
  fc.tuple(idArb, textArb).map(([id, t]) => ({ value: { type: "function_call_output", call_id: id, output: t }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ value: { type: "reasoning", summary: [{ type: "summary_text", text: t }] }, wanted: [plain(t)], unknown: 0 })),
  textArb.map((t) => ({ value: { type: "message", content: [{ type: "output_text", text: t }] }, wanted: [plain(t)], unknown: 0 })),
  fc.constantFrom({ type: "mystery_item", x: 1 }, { foo: "bar" }, 42).map((value) => ({ value, wanted: [], unknown: 1 })),
);

const conversationArb = fc.array(itemArb, { minLength: 1, maxLength: 5 }).map((items) => ({
  value: items.map((item) => item.value),
  wanted: items.flatMap((item) => item.wanted),
  unknown: items.reduce((n, item) => n + item.unknown, 0),
}));

function renderInput(input: unknown) {
  const trace: LLMTrace = { id: "p", createdAt: "2026-01-01T00:00:00Z", events: [{ id: "g", event: "$ai_generation", createdAt: "2026-01-01T00:00:01Z", properties: { $ai_input: input } }] };
  const tree = buildTraceTree(trace);
  const node = tree.nodesByEventId.get("g")!;
  const view = render(<TraceDetailConversation node={node} tree={tree} trace={trace} />);
  const root = view.container;
  const expand = root.querySelector<HTMLButtonElement>('[data-slot="conversation-input"] button');
  if (expand && expand.textContent === "Expand all" && !expand.disabled) fireEvent.click(expand);
  // Plain text (no markdown), so what is shown is what was sent.
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[aria-pressed="false"]')) fireEvent.click(button);
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-slot="message-reasoning"] > button[aria-expanded="false"]')) fireEvent.click(button);
  return root;
}

describe("no silent drop in the rendered conversation", () => {
  afterEach(cleanup);

  it("every text of every accepted message is shown; unknown shapes are raw cards with a reason", () => {
    fc.assert(
      fc.property(conversationArb, (built) => {
        cleanup();
        const root = renderInput(built.value);
        const shown = norm(root.querySelector('[data-slot="conversation-input"]')?.textContent ?? "");
        for (const wanted of built.wanted) {
          const expected = norm(wanted.json ? JSON.stringify(wanted.text).slice(1, -1) : wanted.text);
          if (!shown.includes(expected)) throw new Error(`missing ${JSON.stringify(expected)} in ${JSON.stringify(shown.slice(0, 400))}`);
        }
        const reasons = [...root.querySelectorAll('[data-slot="message-raw-reason"], [data-slot="message-raw-part"] [role="note"]')];
        expect(reasons.length).toBe(built.unknown);
        for (const reason of reasons) expect(norm(reason.textContent ?? "")).toMatch(/^Shown as raw JSON: .{8,}/);
        // The parser's own view agrees: as many unknowns as were built.
        const messages = parseMessages(built.value);
        const unparsed = messages.filter((m) => m.kind === "unparsed").length;
        const rawParts = messages.flatMap((m) => m.parts).filter((p) => p.kind === "json" && p.reason).length;
        expect(unparsed + rawParts).toBe(built.unknown);
      }),
      { numRuns: 60 },
    );
  });
});
