import type { ReactNode } from "react";
import { cn } from "../ui/cn";
import { useTooltip } from "../ui/Tooltip";

export interface TraceDetailChipProps {
  /** Read before the value by screen readers ("Latency"), shown as a muted prefix when `showLabel`. */
  label: string;
  children: ReactNode;
  /** Extra detail: shown in a tooltip on hover/focus, and read by screen readers as part of the chip. */
  detail?: string;
  showLabel?: boolean;
  tone?: "default" | "danger" | "muted";
  className?: string;
  "data-slot"?: string;
}

const TONE = {
  default: "tl:border-border tl:text-fg",
  danger: "tl:border-danger tl:text-danger",
  muted: "tl:border-border tl:text-muted",
};

/** A small bordered fact ("Latency 3.42 s"); with `detail` it becomes focusable and shows a tooltip. */
export function TraceDetailChip({ label, children, detail, showLabel = false, tone = "default", className, "data-slot": slot = "chip" }: TraceDetailChipProps) {
  const { setTrigger, triggerProps, tooltip } = useTooltip(detail, Boolean(detail));
  return (
    <>
      <span
        ref={setTrigger}
        {...triggerProps}
        tabIndex={detail ? 0 : undefined}
        data-slot={slot}
        className={cn(
          "tl:inline-flex tl:items-center tl:gap-1 tl:rounded-tl tl:border tl:px-1.5 tl:py-0.5 tl:text-xs tl:tabular-nums",
          "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
          TONE[tone],
          className,
        )}
      >
        <span className={showLabel ? "tl:text-muted" : "tl:sr-only"}>{label}</span>
        {children}
        {detail && <span className="tl:sr-only">({detail.replace(/\n/g, ", ")})</span>}
      </span>
      {tooltip}
    </>
  );
}
