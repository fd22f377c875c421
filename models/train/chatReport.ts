// `npx tsx models/train/chatReport.ts`: counts of the chat turns (per split, setting, label, kind and
// language) and the overlap checks (dev and test against train, test against dev): exact duplicates
// after normalisation, and near duplicates by word-set Jaccard similarity. Exits non-zero when a dev
// or test turn repeats a turn of an earlier split.
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
const test = readChat("test");
for (const [name, rows] of [["train", train], ["dev", dev], ["test", test]] as const) {
  console.log(`\n=== ${name}: ${rows.length} turns (${rows.filter((t) => t.text.includes("\n")).length} multi-line, ${rows.filter((t) => t.hard).length} hard)`);
  table("by setting", rows, (t) => [t.setting]);
  table("by kind (a turn may have several; 'plain' = none)", rows, (t) => {
    const kinds = t.tags.filter((tag) => tag in KINDS);
    return kinds.length ? kinds : ["plain"];
  });
  table("by language", rows, (t) => [t.lang]);
  table("all", rows, () => ["total"]);
}

let repeatsInTrain = 0;
const seen = new Set<string>();
for (const turn of train) {
  const key = normalise(turn.text);
  if (seen.has(key)) repeatsInTrain++;
  seen.add(key);
}
console.log(`\n=== overlap\nrepeated normalised texts inside train: ${repeatsInTrain}`);

/**
 * Turns of `rows` that repeat a turn of `against` after normalisation (printed, counted as failures),
 * and those of 5+ distinct words whose word set is close to one of `against` (printed for a reader).
 */
function overlap(name: string, rows: readonly ChatTurn[], againstName: string, against: readonly ChatTurn[]): number {
  const byText = new Map<string, ChatTurn>();
  for (const turn of against) if (!byText.has(normalise(turn.text))) byText.set(normalise(turn.text), turn);
  const againstWords = against.map((turn) => ({ turn, words: words(turn.text) }));
  const exact: string[] = [];
  const near: string[] = [];
  for (const turn of rows) {
    const same = byText.get(normalise(turn.text));
    if (same) {
      exact.push(`  ${turn.where} = ${same.where}: ${JSON.stringify(turn.text.slice(0, 70))}`);
      continue;
    }
    const w = words(turn.text);
    let best = { score: 0, other: undefined as ChatTurn | undefined };
    for (const candidate of againstWords) {
      const score = jaccard(w, candidate.words);
      if (score > best.score) best = { score, other: candidate.turn };
    }
    // Short turns ("ok thanks") share most words with something by chance; only judge longer ones.
    if (best.score >= 0.7 && w.size >= 5) near.push(`  ${best.score.toFixed(2)} ${turn.where} ~ ${best.other?.where}: ${JSON.stringify(turn.text.slice(0, 60))} ~ ${JSON.stringify(best.other?.text.slice(0, 60))}`);
  }
  console.log(`${name} turns identical to a ${againstName} turn after normalisation: ${exact.length}`);
  exact.forEach((line) => console.log(line));
  console.log(`${name} turns of 5+ distinct words with word-set Jaccard ≥ 0.7 to a ${againstName} turn: ${near.length}`);
  near.forEach((line) => console.log(line));
  return exact.length;
}

const failures = overlap("dev", dev, "train", train) + overlap("test", test, "train", train) + overlap("test", test, "dev", dev);
if (failures > 0) process.exitCode = 1;
