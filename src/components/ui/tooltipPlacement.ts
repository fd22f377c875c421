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
