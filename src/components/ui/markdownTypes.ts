/** The small markdown AST SafeMarkdown renders. Nothing in it can carry HTML: text stays text. */

export type MdInline =
  | { t: "text"; v: string }
  | { t: "code"; v: string }
  | { t: "em" | "strong" | "del"; c: MdInline[] }
  /** `href` is the raw destination; the renderer checks it against the allowlist. */
  | { t: "link"; href: string; c: MdInline[] }
  | { t: "image"; src: string; alt: string }
  | { t: "br" };

export type MdBlock =
  | { t: "p"; c: MdInline[] }
  | { t: "h"; level: number; c: MdInline[] }
  | { t: "code"; lang: string; v: string }
  | { t: "quote"; c: MdBlock[] }
  | { t: "list"; ordered: boolean; start: number; items: MdBlock[][] }
  | { t: "hr" }
  | { t: "table"; align: Array<"left" | "center" | "right" | null>; head: MdInline[][]; rows: MdInline[][][] };

/** Deepest nesting of quotes, lists and emphasis; deeper material is kept as plain text. */
export const MD_MAX_DEPTH = 8;
