// The chat-turn files of models/data/chat-sentiment/{train,dev}/<setting>.txt. Each turn starts with a
// header line `== <neg|neu|pos> [tag …]` and runs to the next header; the text keeps its own line
// breaks (pasted code and logs), with blank lines at either end dropped. Tags: `hard` (dev), `lang=xx`
// (not English), and the kinds listed in KINDS. The setting is the file's name.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const CHAT_LABELS = { neg: "negative", neu: "neutral", pos: "positive" } as const;
export type ChatLabel = (typeof CHAT_LABELS)[keyof typeof CHAT_LABELS];

/** The kinds of turn the issue asks for in quantity (tags; a turn may carry several). */
export const KINDS = {
  problem: "a neutral request that mentions a problem",
  instruction: "a plain instruction",
  ack: "a short acknowledgement or reply",
  hedged: "negated or hedged praise/criticism (`not bad at all`)",
  sarcasm: "sarcasm",
  implicit: "a complaint or praise without sentiment words",
  paste: "pasted content (code, logs, quoted text) whose tone is not the user's",
  multi: "several sentences",
} as const;

export interface ChatTurn {
  label: ChatLabel;
  text: string;
  setting: string;
  tags: string[];
  hard: boolean;
  lang: string;
  /** file:line of the header, for error messages and the overlap report. */
  where: string;
}

const HEADER = /^== (neg|neu|pos)((?: [a-z0-9=-]+)*)\s*$/;

export function parseChatTurns(source: string, file: string, setting: string): ChatTurn[] {
  const turns: ChatTurn[] = [];
  let current: { label: ChatLabel; tags: string[]; line: number; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const text = current.lines.join("\n").replace(/^\s*\n/, "").trimEnd();
    if (!text.trim()) throw new Error(`${file}:${current.line}: empty turn`);
    const lang = current.tags.find((tag) => tag.startsWith("lang="))?.slice(5) ?? "en";
    for (const tag of current.tags) {
      if (tag !== "hard" && !tag.startsWith("lang=") && !(tag in KINDS)) throw new Error(`${file}:${current.line}: unknown tag ${tag}`);
    }
    turns.push({ label: current.label, text, setting, tags: current.tags, hard: current.tags.includes("hard"), lang, where: `${file}:${current.line}` });
  };
  source.split("\n").forEach((line, i) => {
    const header = HEADER.exec(line);
    if (header) {
      finish();
      current = { label: CHAT_LABELS[header[1] as keyof typeof CHAT_LABELS], tags: (header[2] ?? "").split(" ").filter(Boolean), line: i + 1, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim()) {
      throw new Error(`${file}:${i + 1}: text before the first == header`);
    }
  });
  finish();
  return turns;
}

/** Every turn of one split folder, files in name order. */
export function readChatTurns(dir: string): ChatTurn[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .flatMap((name) => parseChatTurns(readFileSync(path.join(dir, name), "utf8"), `${path.basename(dir)}/${name}`, name.slice(0, -4)));
}
