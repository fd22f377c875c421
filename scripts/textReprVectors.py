#!/usr/bin/env python3
"""Regenerate test/fixtures/posthog-parity/text-repr-edges.json from PostHog's own code.

Every expected value in that fixture is what PostHog answers, found by running PostHog's Python
text_repr formatter (the measuring peer in ../shared/peers/posthog-text-repr, through its
driver.py, which reproduces the API view) on inputs built in textReprVectorsValues.py and
textReprVectorsOptions.py. Request options first pass through Django REST framework's real
IntegerField / BooleanField (the field types of PostHog's TextReprOptionsSerializer, F-T1 in
../shared/spec/posthog-contract.md), exactly as the API does before the formatter sees them.

Needs ../shared (the peer) and Django REST framework:
    apt-get install python3-djangorestframework python3-dateutil
    /usr/bin/python3 scripts/textReprVectors.py
"""

import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEER = os.path.normpath(os.path.join(ROOT, "..", "shared", "peers", "posthog-text-repr"))
OUT = os.path.join(ROOT, "test", "fixtures", "posthog-parity", "text-repr-edges.json")


def fail(message: str) -> None:
    print(f"textReprVectors: {message}", file=sys.stderr)
    sys.exit(1)


if not os.path.isfile(os.path.join(PEER, "driver.py")):
    fail(f"PostHog's formatter is not at {PEER} (../shared is absent); the committed fixture stays as it is.")

try:
    import django
    from django.conf import settings

    settings.configure(USE_I18N=False)
    django.setup()
    from rest_framework import serializers
except ImportError:
    fail("Django REST framework is missing: apt-get install python3-djangorestframework, run with /usr/bin/python3.")

sys.path.insert(0, PEER)
sys.path.insert(0, HERE)
from driver import text_repr  # noqa: E402  (the peer's request handling)
from textReprVectorsOptions import option_cases, serializer_cases  # noqa: E402
from textReprVectorsValues import value_cases  # noqa: E402

INTEGER_OPTIONS = ("max_length", "truncate_buffer", "max_depth", "tools_collapse_threshold")
BOOLEAN_OPTIONS = ("truncated", "include_markers", "collapsed", "include_metadata", "include_hierarchy",
                   "include_line_numbers")
# Declaration order of PostHog's serializer, which is also the order DRF reports errors in.
OPTION_ORDER = ("max_length", "truncated", "truncate_buffer", "include_markers", "collapsed", "include_metadata",
                "include_hierarchy", "max_depth", "tools_collapse_threshold", "include_line_numbers")


def _field(name: str):
    if name in INTEGER_OPTIONS:
        return serializers.IntegerField(required=False)
    return serializers.BooleanField(required=False)


OptionsSerializer = type("OptionsSerializer", (serializers.Serializer,), {n: _field(n) for n in OPTION_ORDER})
RequestSerializer = type("RequestSerializer", (serializers.Serializer,), {
    "event_type": serializers.ChoiceField(choices=["$ai_generation", "$ai_span", "$ai_embedding", "$ai_trace"]),
    "options": OptionsSerializer(required=False),
})

MISSING = object()


def validate(event_type, options):
    """(validated options, None) or (None, the 400 body DRF answers)."""
    body = {"event_type": event_type}
    if options is not MISSING:
        body["options"] = options
    s = RequestSerializer(data=body)
    if not s.is_valid():
        return None, json.loads(json.dumps(s.errors))
    return dict(s.validated_data.get("options", {})), None


def run(event_type, data, options):
    """What the endpoint answers: {text, metadata} or {error: {status, body}}."""
    validated, errors = validate(event_type, options)
    if errors is not None:
        return {"error": {"status": 400, "body": errors}}
    try:
        return text_repr(event_type, data, validated)
    except ValueError:  # the view's `except ValueError` (JSONDecodeError, UnicodeError…)
        return {"error": {"status": 400, "body": {"error": "Invalid data format"}}}
    except Exception:  # noqa: BLE001 (the view's catch-all)
        body = {"error": "Internal server error", "detail": "Failed to generate text representation"}
        return {"error": {"status": 500, "body": body}}


def roundtrip(value):
    return json.loads(json.dumps(value))


def build():
    inputs, cases, seen = {}, [], set()
    for case in [*value_cases(), *option_cases()]:
        if case["name"] in seen:
            fail(f"duplicate case name {case['name']}")
        seen.add(case["name"])
        data = roundtrip(case.pop("data"))
        options = case.pop("options", MISSING)
        key = case.pop("input", None)
        if key is not None:
            inputs.setdefault(key, data)
            case["input"] = key
        else:
            case["data"] = data
        if options is not MISSING:
            case["options"] = roundtrip(options)
        # PostHog's formatter can mutate its input (`list += str`), so it gets a copy.
        sent = options if options is MISSING else roundtrip(options)
        case["expected"] = run(case["event_type"], copy.deepcopy(data), sent)
        cases.append(case)

    checks = []
    for case in serializer_cases():
        validated, errors = validate("$ai_generation", roundtrip(case["options"]))
        checks.append({**case, "expected": {"error": {"status": 400, "body": errors}} if errors else {"options": validated}})
    return {
        "source": "PostHog text_repr formatter (../shared/peers/posthog-text-repr, driver.py) behind Django REST "
        "framework's IntegerField/BooleanField; generated by scripts/textReprVectors.py",
        "inputs": inputs,
        "cases": cases,
        "options_cases": checks,
    }


if __name__ == "__main__":
    fixture = build()
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(fixture['cases'])} render cases and {len(fixture['options_cases'])} options cases to {OUT}")
