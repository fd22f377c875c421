import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "./cn";
import { CopyButton } from "./CopyButton";
import { useTooltip } from "./Tooltip";

/** The id as PostHog shows it in tables: first 4 and last 4 characters. */
export function abbreviateId(id: string): string {
  return id.length > 11 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}

export interface TruncatedIdProps extends Omit<ComponentPropsWithoutRef<"span">, "children"> {
  id: string;
  /** What the id is, for the copy button's name: "trace ID". @default "ID" */
  kind?: string;
  /** Whether the copy button and tooltip trigger are in the tab order (true only in the focused row). @default true */
  tabbable?: boolean;
  /** Shows a copy button. @default true */
  copyable?: boolean;
}

/** `abcd…wxyz`, the full id on hover or focus (and for screen readers), and a copy button. */
export const TruncatedId = forwardRef(function TruncatedId(
  { id, kind = "ID", tabbable = true, copyable = true, className, ...rest }: TruncatedIdProps,
  ref: Ref<HTMLSpanElement>,
) {
  const short = abbreviateId(id);
  const { setTrigger, triggerProps, tooltip } = useTooltip(id, short !== id);
  return (
    <span {...rest} ref={ref} data-slot="truncated-id" className={cn("tl:inline-flex tl:max-w-full tl:items-center tl:gap-1", className)}>
      <span
        ref={setTrigger}
        {...triggerProps}
        tabIndex={short !== id && tabbable ? 0 : undefined}
        className="tl:truncate tl:rounded-sm tl:font-code tl:font-semibold tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
      >
        <span aria-hidden="true">{short}</span>
        <span className="tl:sr-only">{id}</span>
      </span>
      {copyable && (
        <CopyButton
          value={id}
          label="Copy"
          aria-label={`Copy ${kind} ${id}`}
          tabIndex={tabbable ? 0 : -1}
          className="tl:shrink-0 tl:px-1 tl:py-0 tl:text-[10px]"
        />
      )}
      {tooltip}
    </span>
  );
});
TruncatedId.displayName = "TruncatedId";
