import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { SMALL_BUTTON } from "./buttonStyles";
import { cn } from "./cn";
import { placePanel } from "./tooltipPlacement";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";

/** Browsers without the popover API (and jsdom) get a plain fixed-position panel instead. */
const supportsPopover = () => typeof HTMLElement !== "undefined" && "showPopover" in HTMLElement.prototype;

export interface PopoverButtonProps {
  /** The button's content. */
  label: ReactNode;
  /** Accessible name of the button, when its content is not enough ("Date range: Last 7 days"). */
  ariaLabel?: string;
  /** Accessible name of the panel. */
  panelLabel: string;
  /** The panel's content; `close` returns focus to the button. */
  children: (close: () => void) => ReactNode;
  slot: string;
  align?: "start" | "end";
  buttonClassName?: string;
  /**
   * Draws the panel in the browser's top layer, placed by the button, so a table cell's overflow or a
   * virtual row's transform never clips it; it closes when focus leaves it (a grid moves on). @default false
   */
  topLayer?: boolean;
  /** Whether the button is in the tab order (in a table: only in the focused row). @default true */
  tabbable?: boolean;
}

/**
 * A button that opens a non-modal panel under it (a disclosure, not a menu: the panel holds form
 * controls). Escape or a click outside closes it; Escape and `close()` put focus back on the button.
 */
export function PopoverButton({ label, ariaLabel, panelLabel, children, slot, align = "start", buttonClassName, topLayer = false, tabbable = true }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div
      ref={rootRef}
      data-slot={slot}
      data-state={open ? "open" : "closed"}
      className="tl:relative tl:inline-block tl:max-w-full"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close();
        }
      }}
      onBlur={
        topLayer
          ? (event) => {
              const next = event.relatedTarget;
              if (open && next instanceof Node && !rootRef.current?.contains(next)) setOpen(false);
            }
          : undefined
      }
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={ariaLabel}
        tabIndex={tabbable ? undefined : -1}
        onClick={() => setOpen(!open)}
        className={cn(SMALL_BUTTON, "tl:inline-flex tl:items-center tl:gap-1", buttonClassName)}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <PopoverPanel id={panelId} label={panelLabel} slot={slot} align={align} topLayer={topLayer} rootRef={rootRef} buttonRef={buttonRef} onOutside={() => setOpen(false)}>
          {children(close)}
        </PopoverPanel>
      )}
    </div>
  );
}

interface PopoverPanelProps {
  id: string;
  label: string;
  slot: string;
  align: "start" | "end";
  topLayer: boolean;
  rootRef: RefObject<HTMLDivElement | null>;
  buttonRef: RefObject<HTMLButtonElement | null>;
  onOutside: () => void;
  children: ReactNode;
}

/** The open panel, with what only an open panel needs (a closed button in each of a table's rows carries no effect). */
function PopoverPanel({ id, label, slot, align, topLayer, rootRef, buttonRef, onOutside, children }: PopoverPanelProps) {
  const panelRef = useRef<HTMLDivElement | null>(null);
  const outside = useRef(onOutside);
  outside.current = onOutside;
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) outside.current();
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [rootRef]);
  useIsomorphicLayoutEffect(() => {
    const panel = panelRef.current;
    const button = buttonRef.current;
    if (!topLayer || !panel || !button) return;
    if (panel.hasAttribute("popover") && !panel.matches(":popover-open")) panel.showPopover();
    const place = () => placePanel(button, panel, align);
    place();
    // Scrolling the table moves the button; the panel follows it.
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
      if (panel.hasAttribute("popover") && panel.isConnected && panel.matches(":popover-open")) panel.hidePopover();
    };
  }, [topLayer, align, buttonRef]);
  return (
    <div
      id={id}
      ref={panelRef}
      role="group"
      aria-label={label}
      data-slot={`${slot}-panel`}
      // In a table row, a panel with a tabindex counts as an interactive target: clicks in it do not open the row.
      tabIndex={topLayer ? -1 : undefined}
      popover={topLayer && supportsPopover() ? "manual" : undefined}
      className={cn(
        "tl:flex tl:w-72 tl:flex-col tl:gap-2 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:p-2 tl:text-xs tl:text-fg tl:shadow-md",
        topLayer ? "tl-popover-panel tl:fixed tl:z-50 tl:text-left tl:font-normal tl:whitespace-normal" : cn("tl:absolute tl:z-30 tl:mt-1", align === "end" ? "tl:right-0" : "tl:left-0"),
      )}
    >
      {children}
    </div>
  );
}
