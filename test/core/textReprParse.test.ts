import { describe, expect, it } from "vitest";
import { formatTextRepr, parseTextRepr } from "../../src/core/textRepr";
import type { TextReprLine, TextReprSegment } from "../../src/core/textRepr";
import { base64EncodeUtf8 } from "../../src/core/textRepr/textReprBase64";

function rejoin(line: TextReprLine): string {
  return line.segments.map((s) => (s.kind === "text" ? s.text : s.raw)).join("");
}

function markers(text: string): TextReprSegment[] {
  return parseTextRepr(text).flatMap((l) => l.segments.filter((s) => s.kind !== "text"));
}

describe("parseTextRepr: lines", () => {
  it("splits on \\n only and keeps empty lines empty", () => {
    const lines = parseTextRepr("a\r\n\nb");
    expect(lines.map((l) => l.text)).toEqual(["a\r", "", "b"]);
    expect(lines[1]?.segments).toEqual([]);
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2]);
    expect(lines.every((l) => l.lineNumber === null)).toBe(true);
  });

  it("returns one empty line for an empty text", () => {
    expect(parseTextRepr("")).toEqual([{ index: 0, lineNumber: null, text: "", segments: [] }]);
  });

  it("reads zero-padded line numbers and strips the prefix", () => {
    const text = Array.from({ length: 12 }, (_, i) => `L${String(i + 1).padStart(2, "0")}: row ${i}`).join("\n");
    const lines = parseTextRepr(text);
    expect(lines[0]).toEqual({ index: 0, lineNumber: 1, text: "row 0", segments: [{ kind: "text", text: "row 0" }] });
    expect(lines[11]?.lineNumber).toBe(12);
  });

  it("gives the sampled-view notice no number", () => {
    const result = formatTextRepr(
      "$ai_generation",
      { id: "g", event: "$ai_generation", properties: { $ai_input: Array.from({ length: 400 }, (_, i) => `row ${i}`).join("\n") } },
      { include_line_numbers: true, truncated: false, max_length: 600 },
    );
    expect(result.metadata.truncated).toBe(true);
    const lines = parseTextRepr(result.text);
    expect(lines[0]?.lineNumber).toBe(1);
    expect(lines[2]?.lineNumber).toBeNull();
    expect(lines[2]?.text).toMatch(/^\[SAMPLED VIEW: Showing ~\d+% of 404 lines\./);
    const numbers = lines.map((l) => l.lineNumber).filter((n): n is number => n !== null);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it("only treats a text as numbered when its first line is L1", () => {
    expect(parseTextRepr("L2: not numbered\nL3: x")[0]?.lineNumber).toBeNull();
    expect(parseTextRepr("Line one")[0]?.lineNumber).toBeNull();
    expect(parseTextRepr("L1: x", { lineNumbers: false })[0]?.text).toBe("L1: x");
    expect(parseTextRepr("L7: x", { lineNumbers: true })[0]?.lineNumber).toBe(7);
  });
});

describe("parseTextRepr: markers", () => {
  it("decodes TRUNCATED markers in code points", () => {
    const result = formatTextRepr(
      "$ai_generation",
      { id: "g", event: "$ai_generation", properties: { $ai_input: "aaaa😀🎉bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb👍🏽ccc" } },
      { truncate_buffer: 10 },
    );
    expect(markers(result.text)).toEqual([
      {
        kind: "truncated",
        content: "🎉bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        omittedChars: 31,
        raw: "<<<TRUNCATED|8J+OiWJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYg==|31>>>",
      },
    ]);
  });

  it("decodes collapsed tool lists", () => {
    const tools = Array.from({ length: 6 }, (_, i) => ({ name: `ツール${i}`, description: "説明です。次" }));
    const result = formatTextRepr("$ai_generation", { id: "g", event: "$ai_generation", properties: { $ai_tools: tools } });
    const [segment] = markers(result.text);
    expect(segment).toMatchObject({ kind: "toolsExpandable", label: "AVAILABLE TOOLS: 6", toolCount: 6 });
    expect(segment?.kind === "toolsExpandable" && segment.content.startsWith("AVAILABLE TOOLS: 6\n\n  ツール0()")).toBe(true);
  });

  it("decodes trace nodes, including labels that contain | and >>>", () => {
    const data = {
      trace: { id: "t" },
      hierarchy: [
        { event: { id: "s1", event: "$ai_span", properties: { $ai_span_name: "a|b >>> c", $ai_latency: 1.5 } } },
        { event: { id: "m1", event: "$ai_metric", properties: {} } },
      ],
    };
    const text = formatTextRepr("$ai_trace", data).text;
    const lines = parseTextRepr(text);
    const found = lines.flatMap((l) => l.segments).filter((s) => s.kind !== "text");
    expect(found[0]).toMatchObject({
      kind: "genExpandable",
      eventId: "s1",
      label: "[SPAN] a|b >>> c (1.50s)",
      tag: "[SPAN]",
      summary: "a|b >>> c (1.50s)",
      content: "A|B >>> C\n" + "=".repeat(80),
    });
    expect(found[1]).toEqual({ kind: "eventLink", eventId: "m1", label: "[EVENT]", raw: "<<<EVENT_LINK|m1|[EVENT]>>>" });
    const linkLine = lines.find((l) => l.text.includes("EVENT_LINK"));
    expect(linkLine?.segments).toEqual([
      { kind: "text", text: "└─ " },
      found[1],
      { kind: "text", text: " $ai_metric" },
    ]);
    for (const line of lines) expect(rejoin(line)).toBe(line.text);
  });

  it("finds markers nested inside an expanded event", () => {
    const data = {
      trace: { id: "t" },
      hierarchy: [{ event: { id: "g", event: "$ai_generation", properties: { $ai_input: "x".repeat(300) } } }],
    };
    const [node] = markers(formatTextRepr("$ai_trace", data, { truncate_buffer: 100 }).text);
    expect(node?.kind).toBe("genExpandable");
    const inner = node?.kind === "genExpandable" ? markers(node.content) : [];
    expect(inner).toMatchObject([{ kind: "truncated", content: "x".repeat(200), omittedChars: 200 }]);
  });

  it.each([
    ["bad base64", "<<<TRUNCATED|abc|3>>>"],
    ["base64 that is not UTF-8", "<<<TRUNCATED|/w==|1>>>"],
    ["unterminated", `<<<GEN_EXPANDABLE|id|[GEN] x|${base64EncodeUtf8("hi")}`],
    ["count that is not a number", `<<<TRUNCATED|${base64EncodeUtf8("hi")}|x>>>`],
    ["missing fields", "<<<TOOLS_EXPANDABLE|>>>"],
    ["text inside the payload", "<<<GEN_EXPANDABLE|id|label|not base64>>>"],
    ["unknown marker", "<<<SOMETHING|a|b>>>"],
  ])("leaves %s as plain text", (_why, text) => {
    expect(parseTextRepr(`before ${text} after`)[0]?.segments).toEqual([
      { kind: "text", text: `before ${text} after` },
    ]);
  });

  it("recovers a valid marker after a broken one on the same line", () => {
    const good = `<<<TRUNCATED|${base64EncodeUtf8("mid")}|3>>>`;
    const segments = parseTextRepr(`<<<TRUNCATED|bad data ${good}!`)[0]?.segments;
    expect(segments).toEqual([
      { kind: "text", text: "<<<TRUNCATED|bad data " },
      { kind: "truncated", content: "mid", omittedChars: 3, raw: good },
      { kind: "text", text: "!" },
    ]);
  });

  it("stays linear and safe on hostile input", { timeout: 60_000 }, () => {
    const hostile = [
      "<<<GEN_EXPANDABLE|".repeat(100_000),
      `<<<TRUNCATED|${"A".repeat(1_000_000)}`,
      `${"<<<EVENT_LINK|" + "<<<".repeat(300)}`.repeat(300) + ">>>",
      "<<<TOOLS_EXPANDABLE|".repeat(50_000) + "|/w==>>>",
      "a>>>|".repeat(200_000) + "<<<GEN_EXPANDABLE|x|y",
      "<".repeat(1_000_000),
    ];
    for (const text of hostile) {
      const lines = parseTextRepr(text);
      expect(lines.map(rejoin).join("\n")).toBe(text);
    }
  });

  it("does not throw on a non-string argument", () => {
    expect(() => parseTextRepr(undefined as unknown as string)).not.toThrow();
  });
});
