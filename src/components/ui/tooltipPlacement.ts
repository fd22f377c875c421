const GAP_PX = 6;
const VIEWPORT_MARGIN_PX = 4;

/** Puts the tooltip above its trigger (below when there is no room), kept inside the viewport. */
export function placeTooltip(trigger: HTMLElement, tooltip: HTMLElement): void {
  const anchor = trigger.getBoundingClientRect();
  const tip = tooltip.getBoundingClientRect();
  const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
  const above = anchor.top - tip.height - GAP_PX;
  const top = above >= VIEWPORT_MARGIN_PX ? above : anchor.bottom + GAP_PX;
  const centred = anchor.left + anchor.width / 2 - tip.width / 2;
  const maxLeft = Math.max(VIEWPORT_MARGIN_PX, viewportWidth - tip.width - VIEWPORT_MARGIN_PX);
  const left = Math.min(Math.max(centred, VIEWPORT_MARGIN_PX), maxLeft);
  tooltip.style.top = `${Math.round(top)}px`;
  tooltip.style.left = `${Math.round(left)}px`;
  tooltip.dataset.side = top === above ? "top" : "bottom";
}

/**
 * Puts a popover panel under its button (above when there is more room there), its start edge on the
 * button's (end edge with `align: "end"`), kept inside the viewport.
 */
export function placePanel(trigger: HTMLElement, panel: HTMLElement, align: "start" | "end" = "start"): void {
  const anchor = trigger.getBoundingClientRect();
  const box = panel.getBoundingClientRect();
  const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
  const viewportHeight = document.documentElement.clientHeight || window.innerHeight;
  const below = anchor.bottom + GAP_PX / 2;
  const above = anchor.top - box.height - GAP_PX / 2;
  const fitsBelow = below + box.height <= viewportHeight - VIEWPORT_MARGIN_PX;
  const top = fitsBelow || anchor.top < viewportHeight - anchor.bottom ? below : Math.max(VIEWPORT_MARGIN_PX, above);
  const wanted = align === "end" ? anchor.right - box.width : anchor.left;
  const maxLeft = Math.max(VIEWPORT_MARGIN_PX, viewportWidth - box.width - VIEWPORT_MARGIN_PX);
  panel.style.top = `${Math.round(top)}px`;
  panel.style.left = `${Math.round(Math.min(Math.max(wanted, VIEWPORT_MARGIN_PX), maxLeft))}px`;
  panel.dataset.side = top === below ? "bottom" : "top";
}
