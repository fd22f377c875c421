import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
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

/** What a trigger's handlers need, made once per trigger: hooks and effects cost in every cell of a 100,000-row table. */
interface TooltipControl {
  id: string;
  triggerRef: { current: HTMLElement | null };
  setTrigger: (node: HTMLElement | null) => void;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
  cancelClose: () => void;
  show: () => void;
  hideSoon: () => void;
  hideNow: () => void;
}

let nextTooltipId = 0;

function tooltipControl(setOpen: (open: boolean) => void): TooltipControl {
  const control: TooltipControl = {
    // Rendered only while open (never on a server), so a counter is as good as useId and costs no hook.
    id: `tl-tooltip-${++nextTooltipId}`,
    triggerRef: { current: null },
    setTrigger: (node) => {
      control.triggerRef.current = node;
    },
    closeTimer: undefined,
    cancelClose: () => clearTimeout(control.closeTimer),
    show: () => {
      control.cancelClose();
      setOpen(true);
    },
    hideSoon: () => {
      control.cancelClose();
      control.closeTimer = setTimeout(() => setOpen(false), CLOSE_DELAY_MS);
    },
    hideNow: () => {
      control.cancelClose();
      setOpen(false);
    },
  };
  return control;
}

/**
 * A tooltip that opens on hover and on keyboard focus and closes on Escape. It renders in the browser's
 * top layer (popover API), so table cells with overflow or transformed virtual rows never clip it, and it
 * stays in the React tree so it inherits the host's theme. Nothing is mounted while it is closed, and a
 * closed one costs its trigger two state hooks and no effect, which keeps a 100,000-row table light.
 */
export function useTooltip(content: ReactNode, enabled = true) {
  const [open, setOpen] = useState(false);
  const [control] = useState(() => tooltipControl(setOpen));
  const triggerProps: TooltipTriggerProps = {
    onPointerEnter: control.show,
    onPointerLeave: control.hideSoon,
    onFocus: control.show,
    onBlur: control.hideNow,
    onKeyDown: (event) => {
      if (event.key === "Escape" && open) {
        event.stopPropagation();
        control.hideNow();
      }
    },
  };
  const tooltip = enabled && open ? <TooltipPopup control={control}>{content}</TooltipPopup> : null;
  const { id, triggerRef, setTrigger } = control;
  return { open: enabled && open, triggerRef, setTrigger, triggerProps: enabled ? triggerProps : undefined, tooltip, tooltipId: id };
}

/** The open tooltip: shown in the top layer and placed by its trigger when it mounts; its close timer ends with it. */
function TooltipPopup({ control, children }: { control: TooltipControl; children: ReactNode }) {
  const tooltipRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => control.cancelClose, [control]);
  useIsomorphicLayoutEffect(() => {
    const tip = tooltipRef.current;
    const trigger = control.triggerRef.current;
    if (!tip || !trigger) return;
    if (tip.hasAttribute("popover") && !tip.matches(":popover-open")) tip.showPopover();
    placeTooltip(trigger, tip);
    return () => {
      if (tip.hasAttribute("popover") && tip.isConnected && tip.matches(":popover-open")) tip.hidePopover();
    };
  }, [control]);
  return (
    <div
      id={control.id}
      ref={tooltipRef}
      role="tooltip"
      popover={supportsPopover() ? "manual" : undefined}
      data-slot="tooltip"
      onPointerEnter={control.cancelClose}
      onPointerLeave={control.hideSoon}
      className={cn(
        "tl-root tl-tooltip",
        "tl:fixed tl:z-50 tl:max-w-xs tl:rounded-tl tl:bg-tooltip-bg tl:px-2 tl:py-1",
        "tl:text-xs tl:text-tooltip-fg tl:whitespace-pre-line tl:shadow-md",
      )}
    >
      {children}
    </div>
  );
}
