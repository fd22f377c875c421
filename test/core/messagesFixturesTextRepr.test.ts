import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatTextRepr, type TextReprEventType, type TextReprOptions } from "../../src/core/textRepr";

interface Vector {
  fixture: string;
  name: string;
  event_type: TextReprEventType;
  data: unknown;
  options: TextReprOptions;
  expected: { text: string };
}

// Produced by scripts/message-shapes-text-repr.py, which runs PostHog's formatter over the fixtures.
const path = fileURLToPath(new URL("../fixtures/message-shapes/text-repr-vectors.json", import.meta.url));
const { cases } = JSON.parse(readFileSync(path, "utf8")) as { cases: Vector[] };

describe("text_repr of the message-shape fixtures matches PostHog's formatter byte for byte", () => {
  it.each(cases.map((c) => [`${c.fixture}/${c.name}`, c] as const))("%s", (_name, c) => {
    const result = formatTextRepr(c.event_type, c.data, c.options);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(c.expected.text);
  });
});
