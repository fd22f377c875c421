#!/usr/bin/env bash
# `npm run model:train [-- sentiment|emotion|toxicity …]` (default: all three): rebuilds
# models/tracelens-<task>/ from ../shared/data (or $TRACELENS_{SENTIMENT,EMOTION,TOXICITY}_DATA) and,
# for sentiment, the project's chat turns in models/data/chat-sentiment. Needs Debian's python3-torch
# and python3-onnx (/usr/bin/python3). Not run in CI: the trained files are committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${TMPDIR:-/tmp}/tracelens-train"
python="${TRACELENS_PYTHON:-/usr/bin/python3}"
tasks=("$@")
[ ${#tasks[@]} -eq 0 ] && tasks=(sentiment emotion toxicity)
for task in "${tasks[@]}"; do
  npx tsx models/train/encode.ts "$task" "$work"                # tokenizer.json + ids of every set
  "$python" -u models/train/train.py "$work/$task.json"
  du -b "models/tracelens-$task"/* "models/tracelens-$task"/onnx/* | sort -k2
done
echo "next: npm run model:eval"
