import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "./cn";
import { useTooltip } from "./Tooltip";

export interface TagListProps extends Omit<ComponentPropsWithoutRef<"span">, "children"> {
  items: readonly string[];
  /** Tags shown before the "+N" tag. @default 5 */
  max?: number;
  /** What the items are, for the overflow tag's name: "tools". @default "items" */
  noun?: string;
  /** Whether the overflow tag is in the tab order. @default true */
  tabbable?: boolean;
}

const TAG = "tl:inline-block tl:max-w-full tl:truncate tl:rounded-sm tl:bg-bg-subtle tl:px-1 tl:text-[11px] tl:leading-4 tl:text-muted";

/** PostHog's tool tags: the first few as muted tags, then "+N" whose tooltip lists the rest; "–" when empty. */
export const TagList = forwardRef(function TagList(
  { items, max = 5, noun = "items", tabbable = true, className, ...rest }: TagListProps,
  ref: Ref<HTMLSpanElement>,
) {
  const shown = items.slice(0, max);
  const hidden = items.slice(max);
  const { setTrigger, triggerProps, tooltip } = useTooltip(hidden.join("\n"), hidden.length > 0);
  if (items.length === 0) {
    return (
      <span {...rest} ref={ref} data-slot="tag-list" data-state="empty" className={cn("tl:text-muted", className)}>
        –
      </span>
    );
  }
  return (
    <span {...rest} ref={ref} data-slot="tag-list" className={cn("tl:flex tl:flex-wrap tl:gap-1", className)}>
      {shown.map((item, i) => (
        <span key={`${i}-${item}`} data-slot="tag" className={TAG}>
          {item}
        </span>
      ))}
      {hidden.length > 0 && (
        <span
          ref={setTrigger}
          {...triggerProps}
          data-slot="tag-overflow"
          tabIndex={tabbable ? 0 : -1}
          className={cn(TAG, "tl:focus-visible:outline-2 tl:focus-visible:outline-focus")}
        >
          <span aria-hidden="true">+{hidden.length}</span>
          <span className="tl:sr-only">
            {hidden.length} more {noun}: {hidden.join(", ")}
          </span>
        </span>
      )}
      {tooltip}
    </span>
  );
});
TagList.displayName = "TagList";
