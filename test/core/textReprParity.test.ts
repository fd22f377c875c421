import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatTextRepr } from "../../src/core/textRepr";
import type { TextReprEventType, TextReprOptions } from "../../src/core/textRepr";

interface ParityCase {
  category: string;
  name: string;
  event_type: TextReprEventType;
  data: unknown;
  options: TextReprOptions;
  expected: { text: string; metadata: Record<string, unknown> };
}

const fixture = fileURLToPath(new URL("../fixtures/posthog-parity/text-repr.json", import.meta.url));
const { cases } = JSON.parse(readFileSync(fixture, "utf8")) as { cases: ParityCase[] };

const categories = [...new Set(cases.map((c) => c.category))];

describe("text_repr parity with PostHog", () => {
  it("covers every recorded case", () => {
    expect(cases.length).toBe(188);
  });

  describe.each(categories)("%s", (category) => {
    it.each(cases.filter((c) => c.category === category).map((c) => [c.name, c] as const))(
      "%s",
      (_name, c) => {
        const result = formatTextRepr(c.event_type, c.data, c.options);
        expect(result.error).toBeUndefined();
        expect(result.text).toBe(c.expected.text);
        expect(result.metadata).toEqual(c.expected.metadata);
      },
    );
  });
});
