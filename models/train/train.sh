#!/usr/bin/env bash
# `npm run model:train`: rebuilds models/tracelens-sentiment/ from ../shared/data/sentiment (or
# $TRACELENS_SENTIMENT_DATA). Needs Debian's python3-torch and python3-onnx (/usr/bin/python3).
# About 10 minutes on 2 CPU cores. Not run in CI: the trained files are committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${TMPDIR:-/tmp}/tracelens-train"
python="${TRACELENS_PYTHON:-/usr/bin/python3}"
npx tsx models/train/encode.ts "$work"                       # tokenizer.json + ids for train/val
"$python" -u models/train/train.py "$work/encoded.json" models/tracelens-sentiment
du -b models/tracelens-sentiment/* models/tracelens-sentiment/onnx/* | sort -k2
echo "next: npm run model:eval"
