import { forwardRef, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "./cn";

export interface SkeletonProps extends ComponentPropsWithoutRef<"div"> {
  /** Number of bars. @default 1 */
  lines?: number;
  /** Accessible label; the skeleton is announced as busy. @default "Loading" */
  label?: string;
}

/** Grey pulsing bars standing in for content that is loading. */
export const Skeleton = forwardRef(function Skeleton(
  { lines = 1, label = "Loading", className, ...rest }: SkeletonProps,
  ref: Ref<HTMLDivElement>,
) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={label}
      {...rest}
      ref={ref}
      data-slot="skeleton"
      className={cn("tl:flex tl:flex-col tl:gap-2", className)}
    >
      {Array.from({ length: Math.max(1, lines) }, (_, i) => (
        <span
          key={i}
          className="tl:block tl:h-3 tl:rounded-tl tl:bg-skeleton tl:animate-pulse"
          style={{ width: `${100 - ((i * 17) % 45)}%` }}
        />
      ))}
    </div>
  );
});
Skeleton.displayName = "Skeleton";
