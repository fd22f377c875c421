import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { SMALL_BUTTON } from "./buttonStyles";
import { cn } from "./cn";

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
}

/**
 * A button that opens a non-modal panel under it (a disclosure, not a menu: the panel holds form
 * controls). Escape or a click outside closes it; Escape and `close()` put focus back on the button.
 */
export function PopoverButton({ label, ariaLabel, panelLabel, children, slot, align = "start", buttonClassName }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div
      ref={rootRef}
      data-slot={slot}
      data-state={open ? "open" : "closed"}
      className="tl:relative tl:inline-block"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen(!open)}
        className={cn(SMALL_BUTTON, "tl:inline-flex tl:items-center tl:gap-1", buttonClassName)}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={panelLabel}
          data-slot={`${slot}-panel`}
          className={cn(
            "tl:absolute tl:z-30 tl:mt-1 tl:flex tl:w-72 tl:flex-col tl:gap-2 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:p-2 tl:text-xs tl:shadow-md",
            align === "end" ? "tl:right-0" : "tl:left-0",
          )}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
