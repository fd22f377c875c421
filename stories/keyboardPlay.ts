/**
 * For the KeyboardOnly play functions: they reach every control with Tab (or Shift+Tab) as a keyboard
 * user would, never with a click or a programmatic focus, so a control that Tab skips fails the story.
 */
import { userEvent } from "storybook/test";

/** Presses Tab (Shift+Tab with `backwards`) until the focused element matches; fails after `limit` presses, or once Tab stops moving focus. */
export async function tabTo(matches: (element: HTMLElement) => boolean, { backwards = false, limit = 60 } = {}): Promise<HTMLElement> {
  const path: string[] = [];
  let previous: Element | null = null;
  for (let i = 0; i < limit; i++) {
    await userEvent.tab({ shift: backwards });
    // SVG controls (chart segments) take focus too; both kinds have dataset, focus and attributes.
    const focused = document.activeElement as HTMLElement | null;
    if (focused && matches(focused)) return focused;
    if (focused) path.push(describe(focused));
    if (focused === previous) break; // Tab left focus where it was: nothing further to reach
    previous = focused;
  }
  // The path shows where focus went instead, which is what a failing keyboard story needs to say.
  throw new Error(`${backwards ? "Shift+Tab" : "Tab"} did not reach the control; focus went: ${path.join(" → ")}`);
}

const describe = (element: Element) =>
  `<${element.localName}${element.getAttribute("role") ? ` role=${element.getAttribute("role")}` : ""}> ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 30)}`;

/** Matches an element by its accessible text: aria-label, else its text content. */
export const named = (name: string | RegExp) => (element: HTMLElement) => {
  const label = element.getAttribute("aria-label") ?? element.textContent ?? "";
  return typeof name === "string" ? label.trim() === name : name.test(label);
};
