import { useCallback, type ReactNode } from "react";
import { cn } from "../ui/cn";
import { useTooltip } from "../ui/Tooltip";

/** A figure with an optional note: focusable with a tooltip when there is one, read by screen readers either way. */
export function TraceBreakdownNote({ children, note, className }: { children: ReactNode; note: string; className?: string }) {
  const { triggerRef, triggerProps, tooltip } = useTooltip(note, note !== "");
  const setRef = useCallback((node: HTMLSpanElement | null) => void (triggerRef.current = node), [triggerRef]);
  if (!note) return <span className={className}>{children}</span>;
  return (
    <>
      <span
        ref={setRef}
        {...triggerProps}
        tabIndex={0}
        data-slot="breakdown-note"
        className={cn("tl:cursor-help tl:underline tl:decoration-dotted tl:underline-offset-2 tl:focus-visible:outline-2 tl:focus-visible:outline-focus", className)}
      >
        {children}
        <span className="tl:sr-only"> ({note})</span>
      </span>
      {tooltip}
    </>
  );
}
