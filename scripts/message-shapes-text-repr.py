"""Derives text_repr vectors for the message-shape fixtures by running PostHog's own formatter.

Usage: python3 scripts/message-shapes-text-repr.py [path/to/shared/peers/posthog-text-repr]
Writes test/fixtures/message-shapes/text-repr-vectors.json: one case per event of every fixture
(options {} and the viewer's options) and one per trace. The peer is only run, never copied.
"""
import json, os, sys, glob

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "peers", "posthog-text-repr")
sys.path.insert(0, os.path.abspath(PEER))
from driver import text_repr  # noqa: E402  (the peer's request handling)

VIEWER = {"truncated": True, "include_markers": True, "include_line_numbers": True}
cases = []
for path in sorted(glob.glob(os.path.join(ROOT, "test", "fixtures", "message-shapes", "*.json"))):
    if path.endswith("text-repr-vectors.json"):
        continue
    name = os.path.splitext(os.path.basename(path))[0]
    trace = json.load(open(path))["trace"]
    nodes = []
    for event in trace["events"]:
        data = {"id": event["id"], "event": event["event"], "properties": event["properties"], "timestamp": event["createdAt"]}
        nodes.append({"event": data, "children": []})
        if event["event"] == "$ai_trace":
            continue
        for label, options in (("default", {}), ("viewer", VIEWER)):
            result = text_repr(event["event"], data, options)
            cases.append({"fixture": name, "name": f"{event['id']}:{label}", "event_type": event["event"], "data": data, "options": options, "expected": {"text": result["text"]}})
    data = {"trace": {"id": trace["id"], "properties": {"$ai_trace_id": trace["id"], "$ai_span_name": trace.get("traceName")}}, "hierarchy": nodes}
    result = text_repr("$ai_trace", data, VIEWER)
    cases.append({"fixture": name, "name": "trace:viewer", "event_type": "$ai_trace", "data": data, "options": VIEWER, "expected": {"text": result["text"]}})

out = os.path.join(ROOT, "test", "fixtures", "message-shapes", "text-repr-vectors.json")
with open(out, "w") as f:
    json.dump({"source": "PostHog text_repr formatter (shared/peers/posthog-text-repr) run over test/fixtures/message-shapes", "cases": cases}, f, ensure_ascii=False)
    f.write("\n")
print(f"{len(cases)} cases -> {os.path.relpath(out, ROOT)}")
