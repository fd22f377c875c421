import { useState, type ReactNode } from "react";
import { cn } from "./cn";

export interface DisclosureBoxProps {
  /** `data-slot` of the box. */
  slot: string;
  /** The toggle's text. */
  label: ReactNode;
  /** Extra classes for the toggle (its type style). */
  labelClassName?: string;
  /** Drawn only while open, so closed sections cost nothing to render. */
  children: ReactNode;
  /** Start open. @default false */
  defaultOpen?: boolean;
}

/** A bordered section behind a full-width ▸/▾ toggle; starts closed unless `defaultOpen`. */
export function DisclosureBox({ slot, label, labelClassName, children, defaultOpen = false }: DisclosureBoxProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <div data-slot={slot} className="tl:rounded-tl tl:border tl:border-border">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className={cn(
          "tl:box-border tl:w-full tl:cursor-pointer tl:border-0 tl:bg-transparent tl:px-2 tl:py-1 tl:text-left tl:text-xs tl:focus-visible:outline-2 tl:focus-visible:outline-focus",
          labelClassName,
        )}
      >
        <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
        {label}
      </button>
      {open && children}
    </div>
  );
}
