// Reads the SemEval/TweetEval sentiment splits from ../shared/data/sentiment (never committed; see its README).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LABELS = ["negative", "neutral", "positive"] as const;
export type Label = (typeof LABELS)[number];

export interface Row {
  label: Label;
  text: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const modelDir = path.join(repoRoot, "models/tracelens-sentiment");

/** The data folder: $TRACELENS_SENTIMENT_DATA, else the shared checkout beside the repository. */
export function dataDir(): string {
  const dir = process.env.TRACELENS_SENTIMENT_DATA ?? path.resolve(repoRoot, "../shared/data/sentiment");
  if (!existsSync(path.join(dir, "train.tsv"))) {
    throw new Error(`sentiment data not found in ${dir} (set TRACELENS_SENTIMENT_DATA to the folder with train.tsv)`);
  }
  return dir;
}

/** One split as rows; the header line is skipped and every label is checked. */
export function readSplit(split: "train" | "val" | "test"): Row[] {
  const lines = readFileSync(path.join(dataDir(), `${split}.tsv`), "utf8").split("\n");
  const rows: Row[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const label = line.slice(0, tab);
    if (!(LABELS as readonly string[]).includes(label)) throw new Error(`${split}.tsv: bad label in ${JSON.stringify(line)}`);
    rows.push({ label: label as Label, text: line.slice(tab + 1) });
  }
  return rows;
}
