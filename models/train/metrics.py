"""The metrics training chooses by: macro recall (SemEval-2017 4A), per-class F1, and per-label
decision thresholds that maximise F1 (multi-label emotion, toxicity's two toxic classes)."""
import numpy as np

CANDIDATES = np.round(np.arange(0.05, 0.951, 0.025), 3)


def macro_recall(pred, gold, n):
    per_class = [float((pred[gold == c] == c).mean()) if (gold == c).any() else 0.0 for c in range(n)]
    return float(np.mean(per_class)), per_class


def class_f1(pred, gold):
    """F1 per column of boolean [rows, labels] predictions against boolean gold."""
    tp = (pred & gold).sum(0).astype(np.float64)
    fp = (pred & ~gold).sum(0)
    fn = (~pred & gold).sum(0)
    denom = 2 * tp + fp + fn
    return [float(v) for v in np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)]


def tune_thresholds(probs, gold):
    """For each label, the candidate threshold with the best F1 on these rows (ties: the lower one)."""
    gold = gold.astype(bool)
    best = []
    for j in range(probs.shape[1]):
        scores = [class_f1((probs[:, j:j + 1] >= t), gold[:, j:j + 1])[0] for t in CANDIDATES]
        best.append(CANDIDATES[int(np.argmax(scores))])
    return np.array(best, dtype=np.float32)
