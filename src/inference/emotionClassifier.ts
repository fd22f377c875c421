/**
 * `createEmotionClassifier`: the 27 emotions + neutral of GoEmotions (multi-label), or their 7 Ekman
 * groups, per text. With no `model` it runs the embedded model (models/tracelens-emotion), trained by
 * this project on GoEmotions (Reddit comments, CC BY 4.0); see models/README.md for its figures.
 */
import { defaultEmotionModel } from "./defaultModel";
import { createLabelClassifier, type LabelClassifier, type LabelClassifierOptions } from "./labelClassifier";

export interface EmotionClassifierOptions extends LabelClassifierOptions {
  /**
   * `"ekman"` reports the seven Ekman groups (anger, disgust, fear, joy, sadness, surprise, neutral)
   * instead of the 28 labels: a group's score is its best member's, and it applies when any member
   * is over that member's threshold, or the group's own threshold when the model states one. @default 28 labels
   */
  grouping?: "ekman";
}

/**
 * An emotion classifier with `{ labels, scores }` results: `labels` are the emotions over their
 * thresholds (chosen on GoEmotions' dev set), top first; `neutral` is a label like the others.
 * Runs in a Web Worker in browsers and in-process in Node, with the same progress and errors as
 * `createSentimentClassifier`.
 *
 * The model learnt from Reddit comments written in 2005–2019 by mostly young, male, US users; it
 * reads English only, and its figures on chat turns are not measured (see models/README.md).
 *
 * @example
 * const emotion = createEmotionClassifier();
 * const [result] = await emotion.classify(["Thank you so much, this is perfect!"]);
 * // { labels: ["gratitude", "admiration"], scores: { gratitude: 0.97, admiration: 0.61, … } }
 */
export function createEmotionClassifier(options: EmotionClassifierOptions = {}): LabelClassifier {
  return createLabelClassifier(options, { defaultModel: defaultEmotionModel, grouping: options.grouping });
}
