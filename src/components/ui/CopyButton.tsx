import { forwardRef, useRef, useState, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "./cn";
import { useCopyAnnouncer } from "./CopyAnnouncer";

/** How long "Copied" stays before the label returns. */
const CONFIRM_MS = 2000;

/** Writes text to the clipboard; falls back to a hidden textarea where the async API is missing or refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or not a secure context: try the legacy path.
  }
  if (typeof document === "undefined") return false;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export interface CopyButtonProps extends Omit<ComponentPropsWithoutRef<"button">, "children" | "onCopy" | "value"> {
  /** The text to copy, or a function that builds it on click (for large texts). */
  value: string | (() => string);
  /** Visible label. @default "Copy" */
  label?: string;
  /** Label shown after a successful copy. @default "Copied" */
  copiedLabel?: string;
  /** Read by screen readers after the label, e.g. "user message" → "Copy user message". */
  description?: string;
  /** Called after each attempt. */
  onCopied?: (ok: boolean) => void;
}

/**
 * A small button that copies text and says so, in words and through a polite live region: its own, or
 * the one a `CopyAnnouncer` around it shares (a table's rows).
 */
export const CopyButton = forwardRef(function CopyButton(
  { value, label = "Copy", copiedLabel = "Copied", description, onCopied, className, onClick, ...rest }: CopyButtonProps,
  ref: Ref<HTMLButtonElement>,
) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  // A table may reuse a row's button for another row: "Copied" belongs to the text that was copied.
  // Held as given: `useState(value)` would call a lazy value (the whole trace's JSON) on every mount.
  const [copiedValue, setCopiedValue] = useState(() => value);
  if (typeof value === "string" && value !== copiedValue) {
    setCopiedValue(value);
    if (state !== "idle") setState("idle");
  }
  const announce = useCopyAnnouncer();
  // No effect clears it on unmount: a button in each rendered row of a table would pay one per row, and
  // the late state update of an unmounted button is ignored.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const text = state === "copied" ? copiedLabel : state === "failed" ? "Copy failed" : label;
  return (
    <button
      type="button"
      {...rest}
      ref={ref}
      data-slot="copy-button"
      data-state={state}
      className={cn(
        "tl:inline-flex tl:items-center tl:gap-1 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-1.5 tl:py-0.5",
        "tl:text-xs tl:text-fg tl:cursor-pointer tl:hover:bg-bg-subtle",
        "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
        className,
      )}
      onClick={async (event) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        const ok = await copyText(typeof value === "function" ? value() : value);
        setState(ok ? "copied" : "failed");
        announce?.(ok ? copiedLabel : "Copy failed");
        onCopied?.(ok);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setState("idle"), CONFIRM_MS);
      }}
    >
      {announce ? text : <span aria-live="polite">{text}</span>}
      {description && <span className="tl:sr-only"> {description}</span>}
    </button>
  );
});
CopyButton.displayName = "CopyButton";
