/** Class lists shared by tracelens' small buttons, so they look and behave the same everywhere. */

/** A small bordered button (toolbars, "Expand all", "Show anyway"). */
export const SMALL_BUTTON =
  "tl:cursor-pointer tl:rounded-tl tl:border tl:border-solid tl:border-border tl:bg-bg tl:px-1.5 tl:py-0.5 tl:text-xs tl:text-fg tl:hover:bg-bg-subtle tl:focus-visible:outline-2 tl:focus-visible:outline-focus tl:disabled:cursor-not-allowed tl:disabled:opacity-60";

/** A borderless button that reads as a link ("Show all 5,000 characters"). */
export const LINK_BUTTON =
  "tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:text-xs tl:text-accent tl:underline tl:focus-visible:outline-2 tl:focus-visible:outline-focus";
