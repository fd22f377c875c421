"""PostHog's own text_repr formatter as a long-lived measuring peer for `npm run bench:core`.

Loads each `$ai_trace` request body given on the command line, runs it three times untimed, prints
`ready`, then answers one JSON line per stdin command, timing only the formatter call itself:
  run <i>     -> {"ms": <float>, "chars": <int>}      (time.perf_counter around driver.text_repr)
  digest <i>  -> {"sha256": <hex of the UTF-8 text>, "chars": <int>}
Usage: python3 textReprPeerWorker.py <peer dir> <options json> <input.json>...
"""

import hashlib
import json
import sys
import time

peer_dir, options_json, *paths = sys.argv[1:]
sys.path.insert(0, peer_dir)
from driver import text_repr  # noqa: E402  (PostHog's request handling around its formatter)

options = json.loads(options_json)
inputs = []
for path in paths:
    with open(path, encoding="utf-8") as f:
        inputs.append(json.load(f))
for data in inputs:
    for _ in range(3):
        text_repr("$ai_trace", data, dict(options))
print("ready", flush=True)

for line in sys.stdin:
    command, _, index = line.strip().partition(" ")
    data = inputs[int(index)]
    if command == "run":
        start = time.perf_counter()
        result = text_repr("$ai_trace", data, dict(options))
        elapsed = (time.perf_counter() - start) * 1000
        print(json.dumps({"ms": elapsed, "chars": result["metadata"]["char_count"]}), flush=True)
    elif command == "digest":
        text = text_repr("$ai_trace", data, dict(options))["text"]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        print(json.dumps({"sha256": digest, "chars": len(text)}), flush=True)
    else:
        break
