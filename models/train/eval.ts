// `npm run model:eval [-- --test] [-- sentiment|emotion|toxicity …]`: every embedded model's figures on
// its dev sets beside baselines, each model run through tracelens/inference exactly as hosts run it.
// TweetEval's test.tsv is scored only with --test (each look is logged in models/README.md).
import { evaluateEmotion, evaluateToxicity } from "./evalLabels";
import { evaluateSentiment } from "./evalSentiment";

const args = process.argv.slice(2);
const withTest = args.includes("--test");
const tasks = args.filter((a) => !a.startsWith("--"));
const run = (task: string) => tasks.length === 0 || tasks.includes(task);

try {
  if (run("sentiment")) await evaluateSentiment(withTest);
  if (run("emotion")) await evaluateEmotion();
  if (run("toxicity")) await evaluateToxicity();
} catch (error) {
  // The data folders are not in the repository; say where they were looked for.
  console.error((error as Error).message);
  process.exit(1);
}
