/**
 * Whether a text is worth rendering as markdown (headings, lists, quotes, fences, tables, emphasis,
 * links, code, bare URLs and emails, entities). Only the first 20,000 characters are looked at; every
 * pattern is linear (no nested quantifiers).
 */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  return (
    /^ {0,3}(#{1,6} |[-*+] |\d{1,9}[.)] |> |```|~~~|\|)/m.test(head) ||
    head.includes("**") ||
    head.includes("__") ||
    head.includes("](") ||
    head.includes("~~") ||
    /`[^`\n]+`/.test(head) ||
    /\*[^\s*][^*\n]*\*/.test(head) ||
    /https?:\/\/|\bwww\.|[\w.+-]@[\w-]+\./i.test(head) ||
    /&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(head)
  );
}
