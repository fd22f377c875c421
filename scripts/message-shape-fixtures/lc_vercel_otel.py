from common import *
OUT = os.environ["OUT"]

# ---------------- LangChain / LangGraph ----------------
b = Builder("tr-langchain-01", "langgraph shapes")
SRC = "posthog-python posthog/ai/langchain/callbacks.py; posthog/test/ai/langchain/test_callbacks.py; test_capture_contract.py"
SRC_FE = "PostHog products/llm_analytics/frontend/utils.test.ts (LangChain/LangGraph format)"
root = b.event("lc-root", "$ai_span", {
    "$ai_span_name": "LangGraph",
    "$ai_input_state": {"messages": [{"type": "human", "content": "Plan a day in Lisbon", "id": "m1"}], "user_tier": "gold", "remaining_steps": 24},
    "$ai_output_state": {"messages": [
        {"type": "human", "content": "Plan a day in Lisbon", "id": "m1"},
        {"type": "context", "content": "<system_reminder>Prefer walking routes.</system_reminder>"},
        {"type": "ai", "content": "", "tool_calls": [{"name": "weather", "args": {"city": "Lisbon"}, "id": "call_w", "type": "tool_call"}], "id": "m2"},
        {"type": "tool", "content": "22°C, sunny", "tool_call_id": "call_w", "name": "weather", "id": "m3"},
        {"type": "ai", "content": "Start at Belém, then walk to Alfama.", "id": "m4"},
    ], "user_tier": "gold"},
}, latency=6.0, span_id="lc-root")
b.shape("langgraph-state-messages-and-keys", root, "state", "`$ai_input_state` / `$ai_output_state`: `{messages: [...], other keys}` (LangGraph state)", "The messages as a conversation, and the other state keys in an \"Other state keys\" JSON box (not hidden).", SRC, texts=["Plan a day in Lisbon", "user_tier", "Start at Belém, then walk to Alfama."])
b.shape("langchain-dict-types", root, "state", "`{type: \"human\"|\"ai\"|\"tool\", content, tool_calls: [{name, args, id, type: \"tool_call\"}], tool_call_id}`", "User, assistant and tool cards; tool calls with their arguments.", SRC_FE, tools=["weather"], texts=["22°C, sunny"])
b.shape("langgraph-context-message", root, "state", "`{type: \"context\", content}`", "A system card with the reminder.", SRC_FE, texts=["<system_reminder>Prefer walking routes.</system_reminder>"])
gen = b.event("lc-gen-1", "$ai_generation", {
    "$ai_provider": "anthropic", "$ai_model": "claude-haiku-4-5", "$ai_span_name": "ChatAnthropic",
    "$ai_input": [
        {"role": "system", "content": "You plan trips."},
        {"role": "user", "content": [
            {"type": "text", "text": "Here is my hotel photo and booking."},
            {"type": "image", "source_type": "base64", "data": "[base64 image redacted]", "mime_type": "image/jpeg"},
            {"type": "file", "source_type": "base64", "data": "[base64 file redacted]", "mime_type": "application/pdf"},
            {"type": "image", "source_type": "url", "url": "https://cdn.example.com/hotel.jpg"},
            {"type": "media", "mime_type": "audio/ogg", "data": "[base64 audio/ogg redacted]"},
        ]},
        {"role": "assistant", "content": [{"type": "text", "text": "Let me check the weather."}, {"type": "tool_use", "id": "toolu_w", "name": "weather", "input": {}}],
         "tool_calls": [{"type": "function", "id": "toolu_w", "function": {"name": "weather", "arguments": "{\"city\": \"Lisbon\"}"}}]},
        {"role": "tool", "tool_call_id": "toolu_w", "content": "22°C, sunny"},
        {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "id": "call_m", "function": {"name": "museum_hours", "args": {"museum": "MAAT"}}}]},
    ],
    "$ai_tools": [[{"type": "function", "function": {"name": "weather", "description": "Current weather.", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}, {"type": "function", "function": {"name": "museum_hours", "description": "Opening hours.", "parameters": {"type": "object", "properties": {"museum": {"type": "string"}}}}}]],
    "$ai_output_choices": [{"role": "assistant", "content": "Belém first, Alfama after lunch."}],
    "$ai_input_tokens": 1400, "$ai_output_tokens": 40, "$ai_total_cost_usd": 0.0011,
}, latency=1.6, span_id="lc-gen-1", parent="lc-root")
b.shape("langchain-v03-media-blocks", gen, "input", "LangChain standard blocks: `{type: \"image\"|\"file\", source_type: \"base64\"|\"url\", data|url, mime_type}` and `{type: \"media\", mime_type, data}`", "Redacted ones as redaction notices with their media type; URL images shown.", SRC, media={"image": 1}, notices=["Image redacted by the SDK (image/jpeg)", "File redacted by the SDK (application/pdf)", "Audio redacted by the SDK (audio/ogg)"])
b.shape("langchain-anthropic-callback-tool-calls", gen, "input", "`{role: \"assistant\", content: [{type: \"text\"}, {type: \"tool_use\", input: {}}], tool_calls: [{type: \"function\", id, function: {name, arguments}}]}`", "The text and ONE tool-call card with the arguments from `tool_calls` (the empty `tool_use` copy is dropped, as PostHog prefers `tool_calls`).", SRC_FE, tools=["weather"], texts=["Let me check the weather.", "Lisbon"])
b.shape("tool-call-function-args", gen, "input", "`tool_calls: [{type: \"function\", id, function: {name, args: {...}}}]` (`args` instead of `arguments`)", "The tool-call card with those arguments.", SRC, tools=["museum_hours"], texts=["MAAT"])
b.shape("nested-tools-list", gen, "tools", "`$ai_tools: [[tool, tool]]` (a list nested one level)", "The Available tools box with both tools.", SRC, availableTools=["weather", "museum_hours"])
tool_span = b.event("lc-tool", "$ai_span", {
    "$ai_span_name": "weather",
    "$ai_input_state": "{'city': 'Lisbon'}",
    "$ai_output_state": {"content": "22°C, sunny", "additional_kwargs": {}, "response_metadata": {}, "type": "ai", "name": None, "id": "run-7f", "tool_calls": [], "invalid_tool_calls": [], "usage_metadata": None},
}, latency=0.3, span_id="lc-tool", parent="lc-root")
b.shape("langchain-single-message-state", tool_span, "state", "A span or trace state that is one LangChain message dump: `{content, additional_kwargs, response_metadata, type: \"ai\", id, tool_calls, …}`", "One assistant message card, not a JSON dump.", SRC, texts=["22°C, sunny"])
b.shape("python-literal-state", tool_span, "state", "`$ai_input_state: \"{'city': 'Lisbon'}\"` (a Python repr string)", "The string as text.", SRC, texts=["{'city': 'Lisbon'}"])
ser = b.event("lc-gen-2", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4o-mini", "$ai_span_name": "ChatOpenAI",
    "$ai_input": [{"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", "HumanMessage"], "kwargs": {"content": "Any rain tomorrow?", "type": "human"}}],
    "$ai_output_choices": [{"type": "ai", "content": "No rain expected.", "id": "m9", "tool_calls": [], "invalid_tool_calls": []}],
    "$ai_input_tokens": 30, "$ai_output_tokens": 5, "$ai_input_cost_usd": 0.000005, "$ai_output_cost_usd": 0.000003,
}, latency=0.7, span_id="lc-gen-2", parent="lc-root")
b.shape("langchain-serialized-constructor", ser, "input", "`{lc: 1, type: \"constructor\", id: [..., \"HumanMessage\"], kwargs: {content}}`", "A user card.", SRC, texts=["Any rain tomorrow?"])
b.shape("langchain-ai-output", ser, "output", "`$ai_output_choices: [{type: \"ai\", content, tool_calls: [], invalid_tool_calls: []}]`", "An assistant card.", SRC, texts=["No rain expected."])
b.write(f"{OUT}/langchain.json", "LangChain and LangGraph callbacks", [SRC, SRC_FE, "posthog-js packages/ai/src/langchain/callbacks.ts"],
        totals={"totalLatency": 6.0, "inputTokens": 1430, "outputTokens": 45, "inputCost": 0.000005, "outputCost": 0.000003, "totalCost": 0.0011})

# ---------------- Vercel AI SDK ----------------
b = Builder("tr-vercel-01", "vercel ai sdk shapes")
SRC = "posthog-js packages/ai/src/vercel/middleware.ts (mapVercelPrompt, mapVercelOutput)"
SRC_FE = "PostHog products/llm_analytics/frontend/utils.test.ts (Vercel AI SDK)"
v1 = b.event("ve-1", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4.1", "$ai_lib": "posthog-ai",
    "$ai_input": [
        {"role": "posthog", "content": "[3 messages removed due to size limit]"},
        {"role": "system", "content": [{"type": "text", "text": "You label product photos."}]},
        {"role": "user", "content": [
            {"type": "text", "text": "Label this one."},
            {"type": "file", "file": "https://cdn.example.com/p/shoe-12.jpg", "mediaType": "image/jpeg"},
            {"type": "file", "file": "[base64 image/png redacted]", "mediaType": "image/png"},
            {"type": "file", "file": "raw files not supported", "mediaType": "application/pdf"},
        ]},
        {"role": "assistant", "content": [
            {"type": "reasoning", "text": "A running shoe, side view."},
            {"type": "tool-call", "toolCallId": "tc_1", "toolName": "lookup_sku", "input": {"sku": "SH-12"}},
        ]},
        {"role": "tool", "content": [{"type": "tool-result", "toolCallId": "tc_1", "toolName": "lookup_sku", "output": {"type": "json", "value": {"name": "Trail Runner", "color": "teal"}}, "isError": False}]},
    ],
    "$ai_output_choices": [{"role": "assistant", "content": [
        {"type": "reasoning", "text": "Need the size chart too."},
        {"type": "text", "text": "Trail Runner, teal."},
        {"type": "tool-call", "id": "toolu_vrtx_01", "function": {"name": "fetch_size_chart", "arguments": "{\"sku\":\"SH-12\"}"}},
        {"type": "file", "name": "generated_file", "mediaType": "image/png", "data": "[image/png file - 48213 bytes]"},
        {"type": "file", "name": "generated_file", "mediaType": "image/png", "data": "[binary image/png file]"},
        {"type": "source", "sourceType": "url", "id": "src_1", "url": "https://example.org/trail-runner", "title": "Trail Runner spec sheet"},
    ]}],
    "$ai_input_tokens": 3000, "$ai_output_tokens": 55, "$ai_total_cost_usd": 0.0064,
}, latency=2.2, span_id="g-ve-1")
b.shape("vercel-truncation-note", v1, "input", "`{role: \"posthog\", content: \"[N messages removed due to size limit]\"}`", "A card with the SDK's note.", SRC, texts=["[3 messages removed due to size limit]"])
b.shape("vercel-input-file-image-url", v1, "input", "`{type: \"file\", file: \"https://…\", mediaType: \"image/jpeg\"}`", "The image (a file part with an image media type renders as an image).", SRC, media={"image": 1})
b.shape("vercel-input-file-redacted", v1, "input", "`{type: \"file\", file: \"[base64 image/png redacted]\", mediaType}`", "A notice: image redacted by the SDK.", SRC, notices=["Image redacted by the SDK (image/png)"])
b.shape("vercel-input-file-unsupported", v1, "input", "`{type: \"file\", file: \"raw files not supported\", mediaType}`", "A notice: file not captured by the SDK.", SRC, notices=["File not captured by the SDK (application/pdf)"])
b.shape("vercel-input-reasoning-tool-call", v1, "input", "`{type: \"reasoning\", text}`, `{type: \"tool-call\", toolCallId, toolName, input}`", "A Reasoning box and a tool-call card.", SRC, texts=["A running shoe, side view."], tools=["lookup_sku"])
b.shape("vercel-tool-result-json", v1, "input", "`{type: \"tool-result\", toolCallId, toolName, output: {type: \"json\", value}, isError}`", "A tool-result card with the JSON value.", SRC, texts=["Trail Runner"])
b.shape("vercel-output-tool-call", v1, "output", "`{type: \"tool-call\", id, function: {name, arguments: \"<json>\"}}` (posthog-node output format)", "A tool-call card named by `function.name` with the parsed arguments, and the name in both tables' Tools column.", SRC_FE, tools=["fetch_size_chart"], texts=["SH-12"], tableTools=["fetch_size_chart"])
b.shape("vercel-output-file-described", v1, "output", "`{type: \"file\", name: \"generated_file\", mediaType, data: \"[image/png file - 48213 bytes]\"}`", "A notice: image not captured by the SDK, with type and size (48 KB).", SRC, notices=["Image not captured by the SDK (image/png, 48 KB)"])
b.shape("vercel-output-file-binary", v1, "output", "`data: \"[binary image/png file]\"`", "A notice: image not captured by the SDK (image/png).", SRC, notices=["Image not captured by the SDK (image/png)"])
b.shape("vercel-output-source", v1, "output", "`{type: \"source\", sourceType: \"url\", id, url, title}`", "A source link with its title.", SRC, texts=["Trail Runner spec sheet"])
b.shape("vercel-output-reasoning", v1, "output", "`{type: \"reasoning\", text}` in output content", "A Reasoning box with the text (not empty).", SRC, texts=["Need the size chart too."])
v2 = b.event("ve-2", "$ai_generation", {
    "$ai_provider": "anthropic", "$ai_model": "claude-haiku-4-5",
    "$ai_input": [{"type": "text", "content": "Compare with the photo."}, {"type": "image", "content": {"image": "https://cdn.example.com/p/shoe-12-side.jpg"}}, {"type": "input_image", "image_url": "https://cdn.example.com/p/shoe-12-top.jpg"}, {"type": "input_text", "text": "and the top view"}, {"type": "reasoning", "text": "Let me think about this step by step."}, {"type": "tool-call", "toolCallId": "tc_9", "toolName": "run_code", "input": "print(\"hi\")"}, {"type": "tool-result", "toolCallId": "tc_9", "toolName": "run_code", "output": "hi"}, {"type": "tool-result", "toolCallId": "tc_10", "toolName": "void_tool"}],
    "$ai_output_choices": [{"role": "assistant", "content": "Done."}],
    "$ai_input_tokens": 40, "$ai_output_tokens": 2, "$ai_total_cost_usd": 0.00002,
}, latency=0.3, span_id="g-ve-2")
b.shape("vercel-bare-items", v2, "input", "Role-less items: `{type: \"reasoning\", text}`, `{type: \"tool-call\", toolCallId, toolName, input: \"<string>\"}`, `{type: \"tool-result\", …, output}` (and with no output)", "Reasoning, a tool call with the raw input, tool results (an empty one says so).", SRC_FE, texts=["Let me think about this step by step.", "print(\"hi\")"], tools=["run_code"])
b.shape("vercel-legacy-items", v2, "input", "Older role-less items PostHog's frontend accepts: `{type: \"text\", content}`, `{type: \"image\", content: {image}}`, `{type: \"input_image\", image_url}`, `{type: \"input_text\", text}`", "User cards with the text and the images.", SRC_FE, texts=["Compare with the photo.", "and the top view"], media={"image": 2})
b.shape("vercel-output-single-text", v2, "output", "`{role: \"assistant\", content: \"text\"}` (one text part collapsed to a string)", "The text.", SRC, texts=["Done."])
b.write(f"{OUT}/vercel.json", "Vercel AI SDK (@posthog/ai withTracing)", [SRC, SRC_FE], totals={"totalLatency": 2.5, "inputTokens": 3040, "outputTokens": 57, "inputCost": 0, "outputCost": 0, "totalCost": 0.0064})

# ---------------- OTel ----------------
b = Builder("tr-otel-01", "otel shapes")
SRC = "posthog-js packages/ai/src/otel/mappers/aiSdk.ts; posthog-python posthog/ai/otel"
SRC_FE = "PostHog products/llm_analytics/frontend/utils.test.ts (OTel parts format)"
o1 = b.event("ot-1", "$ai_generation", {
    "$ai_provider": "google", "$ai_model": "gemini-2.5-pro", "$ai_ingestion_source": "otel",
    "$ai_input": [
        {"role": "user", "parts": [{"type": "text", "content": "Weather in Montreal?"}, {"type": "blob", "modality": "image", "mime_type": "image/png", "content": PNG_B64}, {"type": "uri", "modality": "video", "uri": "https://cdn.example.com/clip.mp4", "mime_type": "video/mp4"}]},
        {"role": "assistant", "parts": [{"type": "text", "content": "Checking."}, {"type": "tool_call", "id": "call_1", "name": "get_weather", "arguments": "{\"location\":\"Montreal\"}"}], "finish_reason": "tool_call"},
        {"role": "user", "parts": [{"type": "tool_call_response", "id": "call_1", "name": "get_weather", "result": "-10°C, partly cloudy"}]},
        {"role": "assistant", "parts": []},
    ],
    "$ai_output_choices": [
        {"role": "assistant", "content": [
            {"type": "text", "text": "It is -10°C."},
            {"type": "object", "object": {"temperature": -10, "unit": "C"}},
            {"type": "tool-call", "id": "tc_o", "function": {"name": "log_forecast", "arguments": "{\"city\":\"Montreal\"}"}},
            {"type": "file", "name": "generated_file", "mediaType": "image/png", "data": "[base64 image/png redacted]"},
        ]},
    ],
    "$ai_input_tokens": 210, "$ai_output_tokens": 18, "$ai_input_cost_usd": 0.0003, "$ai_output_cost_usd": 0.0002,
}, latency=1.4, span_id="g-ot-1")
b.shape("otel-parts-messages", o1, "input", "`{role, parts: [{type: \"text\", content}, {type: \"tool_call\", id, name, arguments}, {type: \"tool_call_response\", id, name, result}]}` (GenAI semantic conventions)", "Text, tool-call and tool-result cards; an empty `parts` list shows \"(empty)\".", SRC_FE, texts=["Weather in Montreal?", "-10°C, partly cloudy"], tools=["get_weather"])
b.shape("otel-blob-uri-parts", o1, "input", "`{type: \"blob\", modality, mime_type, content}`, `{type: \"uri\", modality: \"video\", uri}`", "The image inline and a video player.", SRC, media={"image": 1, "video": 1})
b.shape("otel-mapped-output", o1, "output", "Mapped output content: `{type: \"text\"}`, `{type: \"object\", object}`, `{type: \"tool-call\", id, function}`, `{type: \"file\", name: \"generated_file\", mediaType, data}`", "Text, the structured object labelled \"Structured output\", a tool-call card, and a redaction notice for the file.", SRC, texts=["It is -10°C.", "Structured output"], tools=["log_forecast"], tableTools=["log_forecast"], notices=["Image redacted by the SDK (image/png)"])
e1 = b.event("ot-emb", "$ai_embedding", {"$ai_provider": "openai", "$ai_model": "text-embedding-3-small", "$ai_input": ["Montreal weather", "winter forecast"], "$ai_input_tokens": 6, "$ai_total_cost_usd": 0.0000001}, latency=0.2, span_id="e-ot-1")
b.shape("otel-embedding-values", e1, "input", "`$ai_embedding` with `$ai_input` as a list of strings (`ai.values`)", "One card per input string.", SRC, texts=["Montreal weather", "winter forecast"])
b.write(f"{OUT}/otel.json", "OpenTelemetry (GenAI conventions, Vercel AI SDK spans)", [SRC, SRC_FE], totals={"totalLatency": 1.6, "inputTokens": 216, "outputTokens": 18, "inputCost": 0.0003, "outputCost": 0.0002, "totalCost": 0.0005})
