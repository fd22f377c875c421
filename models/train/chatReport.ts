// `npx tsx models/train/chatReport.ts`: counts of the chat turns (per split, setting, label, kind and
// language) and the train/dev overlap check: exact duplicates after normalisation, and near
// duplicates by word-set Jaccard similarity. Exits non-zero when a dev turn repeats a train turn.
import { KINDS, type ChatTurn } from "./chatTurns";
import { readChat } from "./data";

const normalise = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const words = (text: string) => new Set(normalise(text).split(" ").filter(Boolean));

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

function table(title: string, rows: ChatTurn[], key: (turn: ChatTurn) => string[]) {
  const counts = new Map<string, { negative: number; neutral: number; positive: number }>();
  for (const turn of rows) {
    for (const k of key(turn)) {
      const entry = counts.get(k) ?? { negative: 0, neutral: 0, positive: 0 };
      entry[turn.label]++;
      counts.set(k, entry);
    }
  }
  console.log(`\n${title}`);
  console.log(`${"".padEnd(16)}${"neg".padStart(6)}${"neu".padStart(6)}${"pos".padStart(6)}${"all".padStart(7)}`);
  for (const [k, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${k.padEnd(16)}${String(c.negative).padStart(6)}${String(c.neutral).padStart(6)}${String(c.positive).padStart(6)}${String(c.negative + c.neutral + c.positive).padStart(7)}`);
  }
}

const train = readChat("train");
const dev = readChat("dev");
for (const [name, rows] of [["train", train], ["dev", dev]] as const) {
  console.log(`\n=== ${name}: ${rows.length} turns (${rows.filter((t) => t.text.includes("\n")).length} multi-line, ${rows.filter((t) => t.hard).length} hard)`);
  table("by setting", rows, (t) => [t.setting]);
  table("by kind (a turn may have several; 'plain' = none)", rows, (t) => {
    const kinds = t.tags.filter((tag) => tag in KINDS);
    return kinds.length ? kinds : ["plain"];
  });
  table("by language", rows, (t) => [t.lang]);
  table("all", rows, () => ["total"]);
}

// Overlap: within train (repeated turns), and dev against train.
const trainNorm = new Map<string, ChatTurn>();
let repeatsInTrain = 0;
for (const turn of train) {
  const key = normalise(turn.text);
  if (trainNorm.has(key)) repeatsInTrain++;
  else trainNorm.set(key, turn);
}
const trainWords = train.map((turn) => ({ turn, words: words(turn.text) }));
const exact: string[] = [];
const near: string[] = [];
for (const turn of dev) {
  const same = trainNorm.get(normalise(turn.text));
  if (same) {
    exact.push(`  ${turn.where} = ${same.where}: ${JSON.stringify(turn.text.slice(0, 70))}`);
    continue;
  }
  const w = words(turn.text);
  let best = { score: 0, other: undefined as ChatTurn | undefined };
  for (const candidate of trainWords) {
    const score = jaccard(w, candidate.words);
    if (score > best.score) best = { score, other: candidate.turn };
  }
  // Short turns ("ok thanks") share most words with something by chance; only judge longer ones.
  if (best.score >= 0.7 && w.size >= 5) near.push(`  ${best.score.toFixed(2)} ${turn.where} ~ ${best.other?.where}: ${JSON.stringify(turn.text.slice(0, 60))} ~ ${JSON.stringify(best.other?.text.slice(0, 60))}`);
}
console.log(`\n=== overlap\nrepeated normalised texts inside train: ${repeatsInTrain}`);
console.log(`dev turns identical to a train turn after normalisation: ${exact.length}`);
exact.forEach((line) => console.log(line));
console.log(`dev turns of 5+ distinct words with word-set Jaccard ≥ 0.7 to a train turn: ${near.length}`);
near.forEach((line) => console.log(line));
if (exact.length > 0) process.exitCode = 1;
