// Metrics printed by `npm run model:eval`: macro recall (SemEval-2017 4A) and per-label F1.

/** Recall per class and their mean, over rows whose gold label is each class. */
export function recalls<L extends string>(labels: readonly L[], gold: readonly L[], predicted: readonly L[]) {
  const perClass = labels.map((label) => {
    const indices = gold.flatMap((g, i) => (g === label ? [i] : []));
    return indices.length ? indices.filter((i) => predicted[i] === label).length / indices.length : 0;
  });
  return { macro: perClass.reduce((a, b) => a + b, 0) / perClass.length, perClass };
}

/** F1 of each label over multi-label predictions (sets of label names per row), and their mean. */
export function labelF1(labels: readonly string[], gold: ReadonlyArray<readonly string[]>, predicted: ReadonlyArray<readonly string[]>) {
  const perLabel = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const inGold = g.includes(label);
      const inPred = predicted[i]?.includes(label) ?? false;
      if (inGold && inPred) tp++;
      else if (inPred) fp++;
      else if (inGold) fn++;
    });
    return tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return { macro: perLabel.reduce((a, b) => a + b, 0) / perLabel.length, perLabel };
}

export const fmt = (value: number) => value.toFixed(4);
export const pad = (text: string, width: number) => text.padEnd(width);
