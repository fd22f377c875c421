/**
 * The cardiffnlp tweet preprocessing that PostHog's model was trained with: every token that starts with
 * `@` (and is more than the bare `@`) becomes `@user`, and every token that starts with `http` becomes
 * `http`. Tokens are split on any whitespace run rather than on single spaces only, because chat messages
 * carry newlines that tweets rarely did; the whitespace itself is kept, so nothing else in the text moves.
 */
export function preprocessTwitterText(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => {
      if (part.length > 1 && part.startsWith("@")) return "@user";
      if (part.startsWith("http")) return "http";
      return part;
    })
    .join("");
}
