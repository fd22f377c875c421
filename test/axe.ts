import axe from "axe-core";

/** Runs axe on a rendered subtree and returns the violations in a readable form (empty when clean). */
export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { resultTypes: ["violations"] });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
}
