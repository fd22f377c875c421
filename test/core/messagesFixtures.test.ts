import { describe, expect, it } from "vitest";
import { buildTraceTree } from "../../src/core/trace";
import type { Message, MessagePart } from "../../src/core/messages";
import { spanKindOf } from "../../src/core/spanKinds";
import { conversationOf, type ConversationSide } from "../../src/components/TraceDetail/traceDetailConversationModel";
import { messageText } from "../../src/components/TraceDetail/traceDetailMessageText";
import { generationTools } from "../../src/core/traceRows";
import { MESSAGE_SHAPES, MESSAGE_SHAPE_FIXTURES } from "../messageShapeFixtures";

function walk(parts: readonly MessagePart[], visit: (part: MessagePart) => void): void {
  for (const part of parts) {
    visit(part);
    if (part.kind === "tool-result") walk(part.content, visit);
  }
}

function sideMessages(side: ConversationSide): Message[] {
  return side.kind === "messages" ? side.messages : [];
}

/** Words the cards show besides the copy text: ids, file names, labels. */
function partWords(part: MessagePart): string {
  const words: unknown[] = [];
  if (part.kind === "tool-call") words.push(part.id);
  if (part.kind === "tool-result") words.push(part.toolCallId, part.name);
  if (part.kind === "file") words.push(part.filename, part.fileId, part.url);
  if (part.kind === "json") words.push(part.label);
  return words.filter((w) => typeof w === "string").join(" ");
}

function sideText(side: ConversationSide): string {
  if (side.kind === "value") return typeof side.value === "string" ? side.value : JSON.stringify(side.value);
  if (side.kind !== "messages") return "";
  const words: string[] = [];
  for (const message of side.messages) {
    words.push(messageText(message));
    if (message.kind === "message") walk(message.parts, (part) => words.push(partWords(part)));
  }
  if (side.extra) words.push(JSON.stringify(side.extra));
  return words.join("\n");
}

describe("message-shape fixtures parse as documented", () => {
  it("every fixture's shapes point at events that exist", () => {
    for (const fixture of MESSAGE_SHAPE_FIXTURES) {
      const ids = new Set([fixture.trace.id, ...fixture.trace.events.map((event) => event.id)]);
      for (const shape of fixture.shapes) expect(ids.has(shape.event), `${fixture.name}/${shape.id}`).toBe(true);
    }
  });

  it.each(MESSAGE_SHAPES.map(({ fixture, shape }) => [`${fixture.name}/${shape.id}`, fixture, shape] as const))("%s", (_name, fixture, shape) => {
    const tree = buildTraceTree(fixture.trace);
    const node = shape.event === fixture.trace.id ? tree.root : tree.nodesByEventId.get(shape.event);
    expect(node).toBeDefined();
    const model = conversationOf(node!, tree, fixture.trace);
    const messages = [...sideMessages(model.input), ...sideMessages(model.output)];
    const parts: MessagePart[] = [];
    for (const message of messages) walk(message.parts, (part) => parts.push(part));
    const text = [sideText(model.input), sideText(model.output), JSON.stringify(model.details.map((d) => d.value)), String(model.error ?? "")].join("\n");
    const e = shape.expect;

    for (const wanted of e.texts ?? []) {
      // Notices are rendered words, checked in the browser test; here only content counts.
      expect(text, `text "${wanted}"`).toContain(wanted);
    }
    const calls = parts.flatMap((part) => (part.kind === "tool-call" ? [part.name] : []));
    for (const tool of e.tools ?? []) expect(calls, `tool ${tool}`).toContain(tool);
    for (const [kind, count] of Object.entries(e.media ?? {})) {
      const shown = parts.filter((part) => part.kind === kind && !("omitted" in part && part.omitted)).length;
      expect(shown, `${kind} parts`).toBeGreaterThanOrEqual(count);
    }
    const omitted = parts.filter((part) => "omitted" in part && part.omitted).length;
    const placeholderStates = [model.input, model.output].filter((side) => side.kind === "media" && side.part.omitted).length;
    expect(omitted + placeholderStates, "media notices").toBeGreaterThanOrEqual(e.notices?.length ?? 0);
    const raw = messages.filter((message) => message.kind === "unparsed").length + parts.filter((part) => part.kind === "json" && part.reason).length;
    expect(raw, "raw cards").toBe(e.raw ?? 0);
    for (const tool of e.availableTools ?? []) expect(model.tools.map((t) => t.name)).toContain(tool);
    if (e.spanKind) expect(spanKindOf(node!.event?.properties)).toBe(e.spanKind);
    for (const label of e.details ?? []) expect(model.details.map((d) => d.label)).toContain(label);
    if (e.tableTools && node!.event) {
      const names = [...generationTools(node!.event)];
      for (const tool of e.tableTools) expect(names, `table tool ${tool}`).toContain(tool);
    }
  });
});
