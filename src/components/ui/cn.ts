/** Joins class names, skipping falsy ones; the caller's className is passed last so it can add to ours. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
