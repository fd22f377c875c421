import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { DOC_PATH, loadFixtures, renderDoc } from "../../scripts/message-shapes-doc.mjs";

describe("docs/message-shapes.md", () => {
  it("is the rendering of the current fixtures (run `node scripts/message-shapes-doc.mjs` after changing them)", () => {
    expect(readFileSync(DOC_PATH as string, "utf8")).toBe((renderDoc as (f: unknown) => string)((loadFixtures as () => unknown)()));
  });
});
