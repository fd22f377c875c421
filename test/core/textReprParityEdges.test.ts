// Edge vectors made by running PostHog's own formatter (behind Django REST framework's option fields)
// on purpose-built inputs: Python str()/repr() of every JSON type, and every option's edge values.
// How they are made: test/fixtures/posthog-parity/README.md (scripts/textReprVectors.py).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatTextRepr, validateTextReprOptions } from "../../src/core/textRepr";
import type { TextReprEventType, TextReprJson, TextReprOptions } from "../../src/core/textRepr";

type Expected =
  | { text: string; metadata: Record<string, unknown> }
  | { error: { status: number; body: TextReprJson } };

interface RenderCase {
  category: string;
  name: string;
  event_type: string;
  input?: string;
  data?: unknown;
  options?: unknown;
  expected: Expected;
}

interface OptionsCase {
  name: string;
  options: unknown;
  expected: { options: Record<string, unknown> } | { error: { status: 400; body: TextReprJson } };
}

const fixture = fileURLToPath(new URL("../fixtures/posthog-parity/text-repr-edges.json", import.meta.url));
const vectors = JSON.parse(readFileSync(fixture, "utf8")) as {
  inputs: Record<string, unknown>;
  cases: RenderCase[];
  options_cases: OptionsCase[];
};

function render(c: RenderCase) {
  const data = c.input === undefined ? c.data : vectors.inputs[c.input];
  // A request without `options` and one whose options are null differ (the second is a 400).
  const args: [TextReprEventType, unknown, TextReprOptions?] = [c.event_type as TextReprEventType, data];
  if ("options" in c) args.push(c.options as TextReprOptions);
  return formatTextRepr(...args);
}

describe("text_repr edge vectors from PostHog's code", () => {
  it("has every generated case", () => {
    expect(vectors.cases.length).toBeGreaterThan(700);
    expect(vectors.options_cases.length).toBeGreaterThan(400);
  });

  describe.each([...new Set(vectors.cases.map((c) => c.category))])("%s", (category) => {
    it.each(vectors.cases.filter((c) => c.category === category).map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const result = render(c);
      if ("error" in c.expected) {
        expect(result.text).toBe("");
        expect(result.error).toMatchObject({ status: c.expected.error.status, body: c.expected.error.body });
      } else {
        expect(result.error).toBeUndefined();
        expect(result.text).toBe(c.expected.text);
        expect(result.metadata).toEqual(c.expected.metadata);
      }
    });
  });

  describe("option coercion (Django REST framework's IntegerField / BooleanField)", () => {
    it.each(vectors.options_cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const result = validateTextReprOptions(c.options);
      if ("error" in c.expected) expect(result).toEqual({ ok: false, errors: c.expected.error.body });
      else expect(result).toEqual({ ok: true, options: c.expected.options });
    });
  });
});
