import { cn } from "./cn";

/** The ▶ of a disclosure button, turned down while its region is open (decorative: the button carries aria-expanded). */
export function DisclosureChevron({ open }: { open: boolean }) {
  return (
    <span aria-hidden="true" className={cn("tl:inline-block tl:text-xs tl:transition-transform tl:motion-reduce:transition-none", open && "tl:rotate-90")}>
      ▶
    </span>
  );
}
