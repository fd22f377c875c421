"""Inputs for the option vectors: every text_repr option with 0, negative, huge, missing, wrong-type,
bool-as-int, float, string-number and null values, as a request would carry them.

`serializer_cases` check only the coercion PostHog's request serializer applies (Django REST
framework's IntegerField / BooleanField); `option_cases` render events and traces with the options,
so both layers (serializer, then formatter) are covered end to end.
"""

from textReprVectorsShapes import gen, node, span, trace

INTEGER_OPTIONS = ("max_length", "truncate_buffer", "max_depth", "tools_collapse_threshold")
BOOLEAN_OPTIONS = ("truncated", "include_markers", "collapsed", "include_metadata", "include_hierarchy",
                   "include_line_numbers")

# Raw values an integer option may arrive as. (No integral float from 2**53 up to 1e21: JSON.parse
# cannot tell it from an int, see the parity README's "Limits of the inputs".)
INTEGER_RAWS = [0, 1, -1, 7, 10**20, -(10**20), 5.5, -0.5, 1e21, 1e-07, "5", " 7 ", "5.0", "5.", "5.000 \n", "-3.00",
                "1_000", "1__000", "_1", "1_", "\u0663", "\u0663\u0660", "\uff15", "+3", "-2", "- 2", "abc", "", " ",
                "0x10", "5.5", "1e3", "\u20035\u2003", "\x1c5", "00", "-0", "0_0", "9" * 30, "1" * 1001, "5.0.0",
                "\u0663.0", True, False, None, [5], {"v": 5}, []]
BOOLEAN_RAWS = [True, False, "true", "false", "True", "False", "TRUE", "FALSE", "tRue", "yes", "no", "Yes", "YES", "yEs",
                "on", "off", "On", "OFF", "t", "f", "T", "F", "y", "n", "Y", "N", "1", "0", 1, 0, 0.5, 2, -1, "2", "",
                " true", "null", "None", None, [], {}, [True]]


def serializer_cases():
    out = []
    for option in INTEGER_OPTIONS:
        out += [{"name": f"{option}={raw!r}", "options": {option: raw}} for raw in INTEGER_RAWS]
    for option in BOOLEAN_OPTIONS:
        out += [{"name": f"{option}={raw!r}", "options": {option: raw}} for raw in BOOLEAN_RAWS]
    for raw in [None, [], [1], "x", 5, True, {}]:
        out.append({"name": f"options={raw!r}", "options": raw})
    out.append({"name": "several invalid fields", "options": {
        "tools_collapse_threshold": "x", "truncated": "maybe", "zzz": 1, "max_depth": None, "max_length": [1]}})
    out.append({"name": "unknown keys only", "options": {"maxLength": 5, "event_truncate_buffers": {"a": 1},
                                                          "preserve_generation_output": True}})
    out.append({"name": "every option valid", "options": {
        "max_length": "100", "truncated": "off", "truncate_buffer": -3, "include_markers": 0, "collapsed": "Y",
        "include_metadata": 1, "include_hierarchy": "no", "max_depth": "-1", "tools_collapse_threshold": 2.0,
        "include_line_numbers": "1"}})
    return out


def _lines(prefix, count, width=38):
    return "\n".join(f"{prefix} line {i:03d} " + "x" * (width - len(prefix) - 10) for i in range(count))


TOOLS = [{"type": "function", "function": {"name": f"tool_{i}", "description": f"Tool number {i}. More.",
                                           "parameters": {"properties": {"a": {"type": "string"}}, "required": ["a"]}}}
         for i in range(7)]

GENERATION = {"id": "opt-gen", "event": "$ai_generation", "properties": {
    "$ai_tools": TOOLS,
    "$ai_input": [{"role": "system", "content": "Be brief."},
                  {"role": "user", "content": _lines("user", 20)},
                  {"role": "assistant", "content": "", "tool_calls": [
                      {"function": {"name": "tool_1", "arguments": '{"a": "' + "q" * 40 + '"}'}}]},
                  {"role": "tool", "content": "r" * 1100}],
    "$ai_output_choices": [{"message": {"role": "assistant", "content": "Answer: " + "é😀" * 30 + "\n" + _lines("out", 5)}}],
}}

SPAN = {"id": "opt-span", "event": "$ai_span", "properties": {
    "$ai_span_name": "retrieve", "$ai_input_state": {"query": "q" * 300, "k": 5},
    "$ai_output_state": "[" + ", ".join(f"'doc {i}'" for i in range(30)) + "]"}}

TRACE = {"trace": {"id": "opt-trace", "properties": {"$ai_trace_id": "opt-trace", "$ai_span_name": "agent run"}},
         "hierarchy": [
             node({"id": "root-span", "event": "$ai_span", "properties": {**SPAN["properties"], "$ai_latency": 2.5}}, [
                 node({**GENERATION, "properties": {**GENERATION["properties"], "$ai_latency": 1.25,
                                                     "$ai_model": "gpt-x", "$ai_total_cost_usd": 0.0031}}, [
                     node({"id": "fb", "event": "$ai_feedback", "properties": {}})]),
                 node({"id": "ev", "event": "$ai_evaluation", "properties": {
                     "$ai_evaluation_name": "helpful", "$ai_evaluation_result": True}})]),
             node({"id": "emb", "event": "$ai_embedding", "properties": {"$ai_input": _lines("embed", 6)}})]}

INPUTS = {"$ai_generation": ("options_generation", GENERATION), "$ai_span": ("options_span", SPAN),
          "$ai_trace": ("options_trace", TRACE)}


def _render(name, options, kinds=("$ai_generation", "$ai_trace")):
    out = []
    for kind in kinds:
        key, data = INPUTS[kind]
        out.append({"category": "options", "name": f"{key}: {name}", "event_type": kind, "input": key, "data": data,
                    "options": options})
    return out


def option_cases():
    out = _render("no options key", None)  # replaced below by a case without `options`
    for case in out:
        del case["options"]
    out += _render("empty options", {})
    every = ("$ai_generation", "$ai_span", "$ai_trace")
    # 3304…3306 and 7071/7072 sit at the default lengths of the generation and the trace (len <= max_length).
    for raw in [0, "0", 1, 5, 40, "200", 700.0, " 1500 ", 3304, 3305, "3306", 7071, 7072, -1, "-5", -100, "-100.0",
                10**20, "100000000000000000000", -(10**20)]:
        out += _render(f"max_length={raw!r}", {"max_length": raw}, every)
    for raw in [0, 1, 60, 300, -1, -10]:
        out += _render(f"max_length={raw!r} numbered", {"max_length": raw, "include_line_numbers": "true"})
        out += _render(f"max_length={raw!r} collapsed", {"max_length": raw, "collapsed": 1}, ("$ai_trace",))
    for raw in [0, "1", 2, 3, 7.0, "10", 50, 999, 1000, 1001, 100000, -1, "-2", -3, -7, -1000, -(10**20), 10**20]:
        out += _render(f"truncate_buffer={raw!r}", {"truncate_buffer": raw}, every)
        out += _render(f"truncate_buffer={raw!r} plain", {"truncate_buffer": raw, "include_markers": "no"},
                       ("$ai_generation",))
    for raw in [-3, 0, 5]:
        out += _render(f"truncate_buffer={raw!r} untruncated", {"truncate_buffer": raw, "truncated": "off"}, every)
    for raw in [0, 1, 6, "7", 8, -1, -100, 10**20, -(10**20)]:
        out += _render(f"tools_collapse_threshold={raw!r}", {"tools_collapse_threshold": raw})
        out += _render(f"tools_collapse_threshold={raw!r} plain", {"tools_collapse_threshold": raw, "include_markers": 0.0},
                       ("$ai_generation",))
    for raw in [-1, 0, "3", 10**20]:
        out += _render(f"max_depth={raw!r} (ignored)", {"max_depth": raw})
    for option in ("include_metadata", "include_hierarchy"):
        for raw in [True, "off"]:
            out += _render(f"{option}={raw!r} (ignored)", {option: raw})
    for option, raws in {"truncated": ["false", 0, "n", True], "include_markers": ["no", 0, "F", "yes"],
                         "collapsed": ["yes", 1, "on", "f"], "include_line_numbers": ["1", "true", "Y", False]}.items():
        for raw in raws:
            out += _render(f"{option}={raw!r}", {option: raw}, every if option != "collapsed" else ("$ai_trace",))
    for label, options in {"max_length 'abc'": {"max_length": "abc"}, "max_length true": {"max_length": True},
                           "max_length null": {"max_length": None}, "truncate_buffer 5.5": {"truncate_buffer": 5.5},
                           "collapsed 2": {"collapsed": 2}, "options null": None, "options list": [1],
                           "max_depth wrong type": {"max_depth": "deep"},
                           "include_metadata wrong type": {"include_metadata": "sometimes"}}.items():
        out += _render(label, options, ("$ai_trace",))
    out.append({**gen("bad event_type and options", {}, options={"truncated": "maybe"}), "event_type": "$ai_thing",
                "category": "options"})
    out.append({**span("span max_length 0 numbered", {"$ai_span_name": "s", "$ai_input_state": _lines("s", 9)},
                       options={"max_length": 0, "include_line_numbers": True}), "category": "options"})
    return out
