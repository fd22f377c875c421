/**
 * The cardiffnlp tweet preprocessing that PostHog's model was trained with: every token that starts with
 * `@` (and is more than the bare `@`) becomes `@user`, and every token that starts with `http` becomes
 * `http`. Tokens are split on any whitespace run rather than on single spaces only, because chat messages
 * carry newlines that tweets rarely did; the whitespace itself is kept, so nothing else in the text moves.
 */
const HANDLE_OR_LINK = /(?<!\S)(?:@\S+|http\S*)/g;

export function preprocessTwitterText(text: string): string {
  // Most messages have neither; they are returned as they are, without scanning them twice.
  if (!text.includes("@") && !text.includes("http")) return text;
  return text.replace(HANDLE_OR_LINK, (token) => (token.startsWith("@") ? "@user" : "http"));
}
