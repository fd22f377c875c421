/**
 * `createToxicityClassifier`: hate speech and offensive language per text. With no `model` it runs
 * the embedded model (models/tracelens-toxicity), trained by this project on Davidson et al. (2017).
 */
import { defaultToxicityModel } from "./defaultModel";
import { createLabelClassifier, type LabelClassifier, type LabelClassifierOptions } from "./labelClassifier";

/** The toxic labels of the embedded model; `none` (neither) never appears in `labels`. */
export const TOXICITY_LABELS = ["hate_speech", "offensive_language"] as const;

export type ToxicityClassifierOptions = LabelClassifierOptions;

/**
 * A toxicity classifier with `{ labels, scores }` results: `labels` holds `hate_speech` and/or
 * `offensive_language` when their scores pass the thresholds chosen on the dev set, and is empty
 * when neither applies; `scores` also lists `none`.
 *
 * **Known bias — read before judging people with it.** The training data are tweets collected
 * because they contained hate-speech lexicon terms, labelled by crowd workers. Its authors later
 * showed (Davidson, Bhattacharya and Weber 2019, "Racial Bias in Hate Speech and Abusive Language
 * Detection Datasets") that models trained on it flag tweets written in African-American English as
 * hateful or offensive far more often than others. This model inherits that: it keys on words,
 * including reclaimed slurs and profanity used without hostility, and misses hostility phrased
 * politely. Use it to find conversations worth a human look, never to sanction a user on its own.
 * It reads English only.
 *
 * @example
 * const toxicity = createToxicityClassifier();
 * const [result] = await toxicity.classify(["Could you resend the invoice?"]);
 * // { labels: [], scores: { none: 0.98, offensive_language: 0.02, hate_speech: 0.0 } }
 */
export function createToxicityClassifier(options: ToxicityClassifierOptions = {}): LabelClassifier {
  return createLabelClassifier(options, { defaultModel: defaultToxicityModel, excluded: ["none"] });
}
