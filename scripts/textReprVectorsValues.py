"""Inputs for the `python_str` vectors: every place PostHog's formatter prints a value with Python's
str() / repr() / f-strings, or reads it with `dict.get(key, default)` (where a stored None or "" is
kept rather than replaced), fed with values of every JSON type.

Each case: {category, name, event_type, data}. Expected outputs come from running PostHog's code
(see textReprVectors.py), never from here.
"""

from textReprVectorsShapes import SCALARS, evaluation, gen, node, span, trace

# Values of every JSON type, with quotes, escapes and non-ASCII text that repr() treats specially.
ODD = {
    "list": ["billing", "refunds"],
    "quotes": ["it's", 'say "hi"', "both ' and \""],
    "unicode": ["naïve", "日本", "😀", "\u200b", "\x7f", "tab\tnew\nline\\"],
    "mixed": [1, 2.5, True, False, None, 1e-05, 0.1, -3],
    "nested": [["a"], {"k": "v", "n": None}, []],
    "empty_list": [],
    "dict": {"reason": "x", "score": 0.5, "ok": True},
    "empty_dict": {},
}


def _evaluation_cases():
    out = []
    for label, value in {**ODD, **SCALARS}.items():
        out.append(evaluation(f"categorical_{label}", {
            "$ai_evaluation_name": "topic", "$ai_evaluation_result_type": "categorical",
            "$ai_evaluation_categorical_result": value, "$ai_evaluation_result": True}))
        out.append(evaluation(f"numeric_{label}", {
            "$ai_evaluation_name": "score", "$ai_evaluation_result_type": "numeric",
            "$ai_evaluation_numeric_result": value}))
        out.append(evaluation(f"name_{label}", {"$ai_evaluation_name": value, "$ai_evaluation_result": "true"}))
        out.append(evaluation(f"reasoning_{label}", {"$ai_evaluation_name": "n", "$ai_evaluation_reasoning": value}))
        out.append(evaluation(f"runtime_{label}", {"$ai_evaluation_runtime": value, "$ai_evaluation_result": False}))
        out.append(evaluation(f"judge_model_{label}", {
            "$ai_evaluation_runtime": "llm_judge", "$ai_evaluation_model": value, "$ai_evaluation_applicable": value}))
        out.append(evaluation(f"result_{label}", {"$ai_evaluation_result": value}))
    return out


def _error_cases():
    errors = {**ODD, **SCALARS, "json_object": '{"message": "x", "code": 5, "nested": {"l": [1, null, true, 1.5]}}',
              "json_list": '["a", 1]', "json_empty": "{}", "deep": {"a": {"b": [{"c": [None, 1e-05]}]}, "d": "x\ny"}}
    out = []
    for label, value in errors.items():
        props = {"$ai_error": value, "$ai_is_error": True}
        out.append(gen(f"gen_error_{label}", {"$ai_input": "hi", **props}))
        out.append(gen(f"embedding_error_{label}", {"$ai_input": "hi", **props}, event="$ai_embedding"))
        out.append(span(f"span_error_{label}", {"$ai_span_name": "s", **props}))
        out.append(trace(f"trace_error_{label}", [], **props))
    return out


def _tool_call_cases():
    out = []
    for label, value in {**ODD, **SCALARS}.items():
        calls = [{"id": "c", "type": "function", "function": {"name": value, "arguments": '{"a": 1}'}},
                 {"name": value, "args": {"q": value}}, {"function": {"name": "f", "arguments": value}},
                 {"name": "lc", "args": value}, value]
        out.append(gen(f"tool_calls_{label}", {"$ai_input": [{"role": "assistant", "content": "", "tool_calls": calls}]}))
    for label, args in {"json_list": "[1, 2]", "json_str": '"s"', "json_num": "5", "bad_json": "{not json",
                        "json_empty": "{}", "json_nested": '{"a": {"b": [1, 2.50, "ü"]}, "n": null}'}.items():
        out.append(gen(f"tool_args_{label}", {"$ai_input": [
            {"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": args}}]}]}))
    return out


def _tools_cases():
    out = []
    for label, value in {**ODD, **SCALARS}.items():
        tools = [{"type": "function", "function": {"name": value, "description": "Does x. Then y",
                                                    "parameters": {"properties": {"p": {"type": value}}}}},
                 {"type": value, "config": {"a": 1}}, {"name": value, "description": value,
                                                        "input_schema": {"properties": {"q": {}}, "required": value}}]
        out.append(gen(f"tools_{label}", {"$ai_tools": tools, "$ai_input": "x"}))
    descriptions = ["Does x.. Then y", "First. Second", "Line one\nLine two. More", "ends.", "", "N/A",
                    "a. b. c", ". leading", "no period", "trailing. ", "multi...dots. x"]
    tools = [{"name": f"t{i}", "description": d} for i, d in enumerate(descriptions)]
    out.append(gen("tools_descriptions", {"$ai_tools": tools, "$ai_input": "x"}))
    out.append(gen("tools_unknown_shapes", {"$ai_input": "x", "$ai_tools": [
        {}, {"type": None}, {"type": ""}, {"type": 0}, {"functionDeclarations": [{"name": "g"}, 5, {"type": "x"}]}]}))
    return out


def _content_cases():
    contents = {
        "text_empty": {"text": ""}, "text_none": {"text": None}, "text_list": {"text": ["a", 1]},
        "content_int": {"content": 5}, "content_true": {"content": True}, "content_dict": {"content": {"x": 1}},
        "content_blocks_empty": {"content": [{"text": ""}]}, "content_ints": {"content": [1, 2]},
        "content_bad_type": {"content": [{"type": 5, "text": "x"}]}, "ints": [1, 2, None],
        "bad_type": [{"type": 5, "text": "x"}], "list_type": [{"type": ["a"], "text": "x"}],
        "dict_no_text": {"a": "ü", "b": [1.5]}, "int": 5, "float": 1.5, "true": True,
        "falsy_blocks": [{"text": 0}, {"content": False}, {"text": "", "content": "c"}],
        "image": [{"type": "image_url", "image_url": {"url": "data:x"}}],
        "long_repr": [{"type": "image", "source": {"data": "x" * 30, "n": i}} for i in range(20)],
        "blocks_labels": [{"type": "thinking", "text": "hm"}, "plain", {"type": "tool_result", "content": [1]}],
        "strings_with_tools": ["a", "", {"type": "tool-call", "toolName": "x", "input": {"a": 1}}, 5, None],
        "empty_string_and_fn": ["", {"type": "function", "function": {"name": "f"}}],
        "tool_names": [{"type": "tool-call", "toolName": None}, {"type": "tool-call"}, {"type": "tool_use", "name": None},
                       {"type": "tool_use", "name": 7, "input": {}, "partial_json": '{"a": [1]}'},
                       {"type": "tool_use", "name": "p", "input": {}, "partial_json": "bad"},
                       {"content": {"toolName": None, "args": [1]}}, {"content": {"result": 1}}],
        "partial_json_int": [{"type": "tool_use", "name": "p", "partial_json": 5}],
        "tool_block_content": [{"type": "tool_use", "name": "t"}, {"type": "text", "content": {"text": ["x"]}}],
        "nested_content_fallback": [{"type": "tool_use", "name": "t"}, {"content": {"content": [{"z": 1}]}}],
    }
    return [gen(f"content_{label}", {"$ai_input": [{"role": "user", "content": c}], "$ai_output_choices": [
        {"message": {"role": "assistant", "content": c}}]}) for label, c in contents.items()]


def _message_cases():
    out = []
    for label, value in {**ODD, **SCALARS}.items():
        msgs = [{"role": value, "content": "r"}, {"type": value, "content": "t"}, {"role": None, "type": value, "x": 1},
                {"type": "function_call", "name": value, "arguments": value, "status": value},
                {"type": "custom_tool_call", "name": "c", "input": value}, {"type": "function_call_output", "output": value},
                {"type": "reasoning", "summary": value}, {"type": "web_search_call", "status": value, "action": value}]
        out.append(gen(f"messages_{label}", {"$ai_input": msgs, "$ai_output_choices": [{"role": value, "content": "o"}]}))
    out.append(gen("messages_typed_with_role", {"$ai_input": [
        {"role": "assistant", "type": "function_call", "name": "f", "arguments": '{"a": 1}'},
        {"role": "user", "type": "reasoning", "summary": [{"type": "summary_text", "text": "s"}], "content": "c"},
        {"role": "assistant", "type": "tool_use", "name": "t", "input": {"x": 1}},
        {"role": "assistant", "type": "function", "function": {"name": "f"}, "content": "hi"},
        {"role": "tool", "type": "function_call_output", "output": 0, "content": "ignored"},
        {"type": "function_call", "arguments": "", "input": "raw"}, {"type": "function_call", "input": "raw"}]}))
    out.append(gen("messages_type_list", {"$ai_input": [{"type": ["a"], "x": 1}]}))
    out.append(gen("output_choice_roles", {"$ai_output_choices": [
        {"message": {"role": None, "content": "a"}}, {"message": {"content": "b"}}, {"role": 5, "content": "c"},
        {"message": {}, "content": "d"}, {"type": "function_call", "name": "f", "arguments": "{}"}, 5, {"x": 1}]}))
    for label, value in {"int": 5, "float": 1.5, "true": True, "dict": {"a": ["ü", None]}, "long": {"k": "v" * 600}}.items():
        out.append(gen(f"unparsed_input_{label}", {"$ai_input": value, "$ai_output": value}))
    return out


def _state_cases():
    out = []
    for label, value in {**SCALARS, "ints": [1, 2], "dict": {"a": [1, None]}}.items():
        out.append(span(f"span_state_{label}", {"$ai_span_name": "s", "$ai_input_state": value, "$ai_output_state": value}))
        out.append(trace(f"trace_state_{label}", [], **{"$ai_input_state": value, "$ai_output_state": value}))
    for label, state in {"name_int": {"type": "tool", "name": 5, "content": "x"},
                         "name_list": {"type": "tool", "name": ["t"], "content": "x"},
                         "status_int": {"type": "tool", "name": "n", "status": 5, "content": [{"type": "text", "text": "a"}]},
                         "content_zero": {"type": "tool", "content": 0}, "content_empty": {"type": "tool", "content": []},
                         "content_dict": {"type": "tool", "name": "n", "content": {"k": 1}},
                         "context": {"__type": "tool_call_with_context", "state": {"messages": [{"role": "u", "content": "m"}],
                                     "remaining_steps": [1]}, "tool_call": {"name": None, "args": {"a": 1}}},
                         "context_steps_none": {"__type": "tool_call_with_context", "state": {"remaining_steps": None},
                                                "tool_call": {"args": "x"}},
                         "messages_not_list": {"messages": "x", "other": 1}}.items():
        out.append(span(f"span_tool_state_{label}", {"$ai_span_name": "s", "$ai_output_state": state}))
    literals = {"tuple_in_dict": "{'a': (1, 2)}", "list": "[1, 'x', None, True]", "bytes_key": "{b'x': 1}",
                "unhashable_key": "{[1]: 2}", "int_keys": "{1: 2, 1.5: 3, True: 4, None: 5}", "tuple": "(1, 2)",
                "int": "1_000", "inf": "{'a': 1e400}", "nan_call": "{'a': float('nan')}", "json": '{"ok": true}',
                "bytes_long": "[b'abc', '" + "y" * 3000 + "']", "set": "{1, 2}"}
    for label, text in literals.items():
        out.append(span(f"span_literal_{label}", {"$ai_span_name": "s", "$ai_input_state": text}))
        out.append(trace(f"trace_literal_{label}", [], **{"$ai_input_state": text}))
    return out


def _tree_cases():
    out = []
    for label, value in {**ODD, **SCALARS}.items():
        events = [{"id": value, "event": "$ai_generation", "properties": {"$ai_model": "m", "$ai_input": "i"}},
                  {"id": value, "event": "custom", "properties": {}}, {"id": "e", "event": value, "properties": {}},
                  {"id": "s", "event": "$ai_span", "properties": {"$ai_span_name": value}},
                  {"id": "v", "event": "$ai_evaluation", "properties": {"$ai_evaluation_name": value}}]
        out.append(trace(f"tree_ids_{label}", [node(e) for e in events]))
        out.append(trace(f"tree_ids_collapsed_{label}", [node(e) for e in events], options={"collapsed": True}))
        measures = {"$ai_latency": value, "$ai_time_to_first_token": value, "$ai_total_cost_usd": value}
        out.append(trace(f"tree_measures_{label}", [node({"id": "g", "event": "$ai_generation", "properties": measures}),
                                                    node({"id": "s", "event": "$ai_span", "properties": measures})]))
        for what, props in {"model": {"$ai_model": value}, "span_name": {"$ai_span_name": value, "$ai_latency": 1},
                            "runtime": {"$ai_evaluation_runtime": value}}.items():
            kind = "$ai_evaluation" if what == "runtime" else "$ai_generation"
            out.append(trace(f"tree_{what}_{label}", [node({"id": "x", "event": kind, "properties": props})],
                             options={"collapsed": True}))
    for label, value in {"underscores": "1_000", "spaces": " 2.5 ", "nan": "nan", "inf": "inf", "neg_inf": "-Infinity",
                         "exp": "1e3", "hex": "0x10", "arabic": "\u0661\u0662", "fullwidth": "\uff13.\uff15", "empty": "",
                         "plus": "+0.125", "half_even": 0.125, "tiny": 0.00005, "big": 123456789.987654321}.items():
        props = {"$ai_latency": value, "$ai_total_cost_usd": value, "$ai_time_to_first_token": value}
        out.append(trace(f"tree_measure_text_{label}", [node({"id": "g", "event": "$ai_embedding", "properties": props})],
                         options={"collapsed": True}))
    return out


def value_cases():
    cases = [*_evaluation_cases(), *_error_cases(), *_tool_call_cases(), *_tools_cases(), *_content_cases(),
             *_message_cases(), *_state_cases(), *_tree_cases()]
    for case in cases:
        case.setdefault("category", "python_str")
    return cases
