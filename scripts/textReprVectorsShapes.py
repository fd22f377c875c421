"""Small builders for the events, spans and traces that the text_repr vectors feed PostHog."""

# One value of each JSON scalar kind, plus a dict: where a formatter prints or tests a value, these
# tell str() from repr(), `x or default` from `get(key, default)`, and truthiness from `is None`.
# (No integral floats: JSON.parse cannot carry them; see the parity README's "Limits of the inputs".)
SCALARS = {
    "none": None,
    "empty_str": "",
    "zero": 0,
    "int": 7,
    "float": 1.5,
    "exp_float": 1e-05,
    # JSON.stringify writes integral numbers from 1e21 up with an exponent, so PostHog reads them as floats;
    # 10**20 still travels as plain digits (an int).
    "huge_float": 1e308,
    "exp21_float": 1e21,
    "neg_huge_float": -1.5e300,
    "big_int": 10**20,
    "true": True,
    "false": False,
    "text": "plain ü",
}


def gen(name, properties, event="$ai_generation", options=None):
    case = {"name": name, "event_type": "$ai_generation",
            "data": {"id": f"id-{name}", "event": event, "properties": properties}}
    if options is not None:
        case["options"] = options
    return case


def evaluation(name, properties):
    # PostHog's serializer has no "$ai_evaluation" choice: evaluations go as $ai_generation, rendered by data.event.
    return gen(f"evaluation_{name}", properties, event="$ai_evaluation")


def span(name, properties, options=None):
    case = gen(name, properties, event="$ai_span", options=options)
    case["event_type"] = "$ai_span"
    return case


def node(event, children=()):
    return {"event": event, "children": list(children)}


def trace(name, hierarchy, options=None, **properties):
    case = {"name": name, "event_type": "$ai_trace",
            "data": {"trace": {"id": f"t-{name}", "properties": {"$ai_trace_id": f"t-{name}", **properties}},
                     "hierarchy": hierarchy}}
    if options is not None:
        case["options"] = options
    return case
