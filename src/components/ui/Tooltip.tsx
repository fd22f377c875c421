import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { cn } from "./cn";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";
import { placeTooltip } from "./tooltipPlacement";

/** Browsers without the popover API (and jsdom) get a plain fixed-position element instead. */
const supportsPopover = () => typeof HTMLElement !== "undefined" && "showPopover" in HTMLElement.prototype;

/** Closing waits a moment so the pointer can move from the trigger onto the tooltip (WCAG 1.4.13). */
const CLOSE_DELAY_MS = 120;

export interface TooltipTriggerProps {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onFocus: (event: FocusEvent) => void;
  onBlur: (event: FocusEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * A tooltip that opens on hover and on keyboard focus and closes on Escape. It renders in the browser's
 * top layer (popover API), so table cells with overflow or transformed virtual rows never clip it, and it
 * stays in the React tree so it inherits the host's theme. Nothing is mounted while it is closed, which
 * keeps a 100,000-row table light.
 */
export function useTooltip(content: ReactNode, enabled = true) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLElement | null>(null);
  // A callback ref any element type accepts (a ref object typed for HTMLElement fits no narrower element).
  const setTrigger = useCallback((node: HTMLElement | null) => {
    triggerRef.current = node;
  }, []);
  const tooltipRef = useRef<HTMLDivElement | null>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const cancelClose = useCallback(() => clearTimeout(closeTimer.current), []);
  const show = useCallback(() => {
    cancelClose();
    setOpen(true);
  }, [cancelClose]);
  const hideSoon = useCallback(() => {
    cancelClose();
    closeTimer.current = setTimeout(() => setOpen(false), CLOSE_DELAY_MS);
  }, [cancelClose]);
  const hideNow = useCallback(() => {
    cancelClose();
    setOpen(false);
  }, [cancelClose]);

  useEffect(() => cancelClose, [cancelClose]);

  useIsomorphicLayoutEffect(() => {
    const tip = tooltipRef.current;
    const trigger = triggerRef.current;
    if (!open || !tip || !trigger) return;
    if (tip.hasAttribute("popover") && !tip.matches(":popover-open")) tip.showPopover();
    placeTooltip(trigger, tip);
    return () => {
      if (tip.hasAttribute("popover") && tip.isConnected && tip.matches(":popover-open")) tip.hidePopover();
    };
  }, [open]);

  const triggerProps: TooltipTriggerProps = {
    onPointerEnter: show,
    onPointerLeave: hideSoon,
    onFocus: show,
    onBlur: hideNow,
    onKeyDown: (event) => {
      if (event.key === "Escape" && open) {
        event.stopPropagation();
        hideNow();
      }
    },
  };

  const tooltip =
    enabled && open ? (
      <div
        id={id}
        ref={tooltipRef}
        role="tooltip"
        popover={supportsPopover() ? "manual" : undefined}
        data-slot="tooltip"
        onPointerEnter={cancelClose}
        onPointerLeave={hideSoon}
        className={cn(
          "tl-root tl-tooltip",
          "tl:fixed tl:z-50 tl:max-w-xs tl:rounded-tl tl:bg-tooltip-bg tl:px-2 tl:py-1",
          "tl:text-xs tl:text-tooltip-fg tl:whitespace-pre-line tl:shadow-md",
        )}
      >
        {content}
      </div>
    ) : null;

  return { open: enabled && open, triggerRef, setTrigger, triggerProps: enabled ? triggerProps : undefined, tooltip, tooltipId: id };
}
