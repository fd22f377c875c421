// Readers for every training and evaluation set. The tweet, GoEmotions and toxicity files live in
// ../shared/data (never committed; see their READMEs); the chat turns are the project's own, in
// models/data/chat-sentiment (see its README for the file grammar).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readChatTurns, type ChatTurn } from "./chatTurns";

export const LABELS = ["negative", "neutral", "positive"] as const;
export type Label = (typeof LABELS)[number];

export interface Row {
  label: Label;
  text: string;
}

/** A row of a multi-label set (GoEmotions) or of the single-label toxicity set, labels by name. */
export interface LabelledRow {
  labels: string[];
  text: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
/** TRACELENS_SENTIMENT_OUT: train an experiment into another folder, leaving the shipped model alone. */
export const modelDir = path.resolve(process.env.TRACELENS_SENTIMENT_OUT ?? path.join(repoRoot, "models/tracelens-sentiment"));
export const emotionModelDir = path.join(repoRoot, "models/tracelens-emotion");
export const toxicityModelDir = path.join(repoRoot, "models/tracelens-toxicity");
export const chatDataDir = path.join(repoRoot, "models/data/chat-sentiment");

function sharedDir(env: string | undefined, name: string, probe: string): string {
  const dir = env ?? path.resolve(repoRoot, `../shared/data/${name}`);
  if (!existsSync(path.join(dir, probe))) {
    throw new Error(`${name} data not found in ${dir} (set TRACELENS_${name.toUpperCase()}_DATA to the folder with ${probe})`);
  }
  return dir;
}

/** The tweet folder: $TRACELENS_SENTIMENT_DATA, else the shared checkout beside the repository. */
export function dataDir(): string {
  return sharedDir(process.env.TRACELENS_SENTIMENT_DATA, "sentiment", "train.tsv");
}
export const emotionDataDir = () => sharedDir(process.env.TRACELENS_EMOTION_DATA, "emotion", "train.tsv");
export const toxicityDataDir = () => sharedDir(process.env.TRACELENS_TOXICITY_DATA, "toxicity", "train.tsv");

/** Lines of a headed TSV, split at the first tab (the files carry no quoting). */
function tsv(file: string): Array<[string, string]> {
  return readFileSync(file, "utf8")
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      return [line.slice(0, tab), line.slice(tab + 1)];
    });
}

/** One tweet split as rows; every label is checked. */
export function readSplit(split: "train" | "val" | "test"): Row[] {
  return tsv(path.join(dataDir(), `${split}.tsv`)).map(([label, text]) => {
    if (!(LABELS as readonly string[]).includes(label)) throw new Error(`${split}.tsv: bad label ${JSON.stringify(label)}`);
    return { label: label as Label, text };
  });
}

/** The project's chat turns (`train`, `dev`, or `test`, which only `model:eval` reads). */
export function readChat(split: "train" | "dev" | "test"): ChatTurn[] {
  return readChatTurns(path.join(chatDataDir, split));
}

/** The tweet exports write some characters as HTML entities (`&amp;`, `&#128514;`); decode them. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** GoEmotions labels in official order, and the Ekman grouping (group → labels). */
export function emotionLabels(): { labels: string[]; ekman: Record<string, string[]> } {
  const dir = emotionDataDir();
  const labels = readFileSync(path.join(dir, "labels.txt"), "utf8").split("\n").filter(Boolean);
  const ekman = JSON.parse(readFileSync(path.join(dir, "ekman.json"), "utf8")) as Record<string, string[]>;
  return { labels, ekman };
}

export function readEmotion(split: "train" | "dev"): LabelledRow[] {
  return tsv(path.join(emotionDataDir(), `${split}.tsv`)).map(([labels, text]) => ({ labels: labels.split(","), text }));
}

/** The toxicity classes in output order; `none` is the absence of the other two. */
export const TOXICITY_LABELS = ["hate_speech", "offensive_language", "none"] as const;

export function readToxicity(split: "train" | "dev"): LabelledRow[] {
  return tsv(path.join(toxicityDataDir(), `${split}.tsv`)).map(([labels, text]) => ({ labels: labels.split(","), text: decodeEntities(text) }));
}
