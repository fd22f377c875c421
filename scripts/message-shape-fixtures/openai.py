from common import *
OUT = os.environ["OUT"]

# ---------------- OpenAI Chat Completions ----------------
b = Builder("tr-openai-chat-01", "openai chat shapes")
SRC_PY = "posthog-python posthog/ai/openai (openai_converter, sanitization); posthog/test/ai/openai"
SRC_FE = "PostHog products/llm_analytics/frontend/utils.ts + utils.test.ts"
tools = [{"type": "function", "function": {"name": "lookup_order", "description": "Find an order by number.", "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]}}}]
g1 = b.event("oa-chat-text", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4.1-mini",
    "$ai_input": [
        {"role": "system", "content": "You answer questions about parcels."},
        {"role": "user", "content": [
            {"type": "text", "text": "Where is parcel 4471? Here is the label."},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64," + PNG_B64, "detail": "low"}},
            {"type": "image_url", "image_url": {"url": "https://cdn.example.com/labels/4471.png"}},
        ]},
    ],
    "$ai_tools": tools,
    "$ai_output_choices": [{"role": "assistant", "content": None, "tool_calls": [{"id": "call_p1", "type": "function", "function": {"name": "lookup_order", "arguments": "{\"order_id\": \"4471\"}"}}]}],
    "$ai_input_tokens": 812, "$ai_output_tokens": 19, "$ai_total_cost_usd": 0.00041,
}, latency=1.2, span_id="g-oa-1")
b.shape("openai-chat-string-content", g1, "input", "`{role, content: \"text\"}`", "A card per message with its role; the text as markdown or plain text.", SRC_FE, texts=["You answer questions about parcels."])
b.shape("openai-chat-image-url-data", g1, "input", "`{type: \"image_url\", image_url: {url: \"data:image/png;base64,…\", detail}}`", "The image inline (within the inline size limit), alt text naming the detail level.", SRC_PY, texts=["Where is parcel 4471? Here is the label."], media={"image": 2})
b.shape("openai-chat-image-url-remote", g1, "input", "`{type: \"image_url\", image_url: {url: \"https://…\"}}`", "The remote image (loading subject to the media policy).", SRC_PY, media={"image": 2})
b.shape("openai-chat-tool-calls", g1, "output", "`{role: \"assistant\", content: null, tool_calls: [{id, type: \"function\", function: {name, arguments: \"<json>\"}}]}` (bare message in `$ai_output_choices`)", "A tool-call card: the name, the call id and the parsed arguments; the name in both tables' Tools column.", SRC_FE, tools=["lookup_order"], texts=["4471"], tableTools=["lookup_order"])
b.shape("openai-chat-tools-catalogue", g1, "tools", "`$ai_tools: [{type: \"function\", function: {name, description, parameters}}]`", "An \"Available tools\" box listing each tool with its description and parameter schema.", SRC_PY, availableTools=["lookup_order"])

g2 = b.event("oa-chat-tool-result", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4.1-mini",
    "$ai_input": [
        {"role": "user", "content": "Where is parcel 4471?"},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "call_p1", "type": "function", "function": {"name": "lookup_order", "arguments": "{\"order_id\": \"4471\"}"}}]},
        {"role": "tool", "tool_call_id": "call_p1", "content": "{\"status\": \"out for delivery\", \"eta\": \"14:00\"}"},
        {"role": "assistant", "content": None, "function_call": {"name": "legacy_eta", "arguments": "{\"zone\": 3}"}},
        {"role": "function", "name": "legacy_eta", "content": "zone 3 runs late on Fridays"},
    ],
    "$ai_output_choices": [{"index": 0, "message": {"role": "assistant", "content": "Parcel 4471 is out for delivery and should arrive around 14:00.", "refusal": None}, "finish_reason": "stop"}],
    "$ai_input_tokens": 140, "$ai_output_tokens": 22, "$ai_total_cost_usd": 0.00009,
}, latency=0.9, span_id="g-oa-2")
b.shape("openai-chat-tool-message", g2, "input", "`{role: \"tool\", tool_call_id, content}`", "A tool-result card linked to the call id; JSON results in the JSON viewer.", SRC_FE, texts=["out for delivery", "call_p1"])
b.shape("openai-chat-legacy-function-call", g2, "input", "`{role: \"assistant\", function_call: {name, arguments}}` and `{role: \"function\", name, content}`", "A tool-call card and a tool-result card named after the function.", SRC_FE, tools=["legacy_eta"], texts=["zone 3 runs late on Fridays"])
b.shape("openai-chat-choice-message", g2, "output", "`[{index, message: {role, content, refusal}, finish_reason}]`", "The assistant message of each choice.", SRC_FE, texts=["Parcel 4471 is out for delivery and should arrive around 14:00."])

g3 = b.event("oa-chat-media", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4o-audio-preview",
    "$ai_input": [
        {"role": "user", "content": [
            {"type": "text", "text": "Transcribe the voicemail and read the attached invoice."},
            {"type": "input_audio", "input_audio": {"data": WAV_B64, "format": "wav"}},
            {"type": "file", "file": {"filename": "invoice-0097.pdf", "file_data": "[base64 file redacted]"}},
            {"type": "file", "file": {"file_id": "file-7Q2xk"}},
            {"type": "image_url", "image_url": {"url": "[base64 image redacted]"}},
            {"type": "image_url", "image_url": {"url": "[base64 image/jpeg redacted]"}},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,[base64 image redacted]"}},
            {"type": "audio", "data": "[base64 image redacted]", "format": "mp3"},
            {"type": "image_url", "image_url": {"url": "phaiblob://v1/sha256/" + HASH + "?mime=image%2Fpng&size=131072"}},
            {"type": "image_url", "image_url": {"url": "[base64 redacted]"}},
        ]},
    ],
    "$ai_output_choices": [{"role": "assistant", "content": None, "audio": {"id": "audio_91", "data": "[base64 audio/wav redacted]", "transcript": "The caller asks to move the delivery to Monday."}}],
    "$ai_input_tokens": 1520, "$ai_output_tokens": 60, "$ai_total_cost_usd": 0.0061,
}, latency=2.4, span_id="g-oa-3")
b.shape("openai-chat-input-audio", g3, "input", "`{type: \"input_audio\", input_audio: {data, format}}`", "An audio player for the inline recording.", SRC_PY, media={"audio": 1})
b.shape("openai-chat-file-redacted", g3, "input", "`{type: \"file\", file: {filename, file_data: \"[base64 file redacted]\"}}`", "The file name and a notice: redacted by the SDK.", SRC_PY, texts=["invoice-0097.pdf"], notices=["File redacted by the SDK"])
b.shape("openai-chat-file-id", g3, "input", "`{type: \"file\", file: {file_id}}`", "A file card naming the provider file id and saying its content is not in the event.", SRC_PY, texts=["file-7Q2xk"])
b.shape("openai-chat-image-redacted-python", g3, "input", "`image_url.url: \"[base64 image redacted]\"` (posthog-python)", "A notice: image redacted by the SDK, with the placeholder as recorded.", SRC_PY, notices=["Image redacted by the SDK"])
b.shape("openai-chat-image-redacted-node", g3, "input", "`image_url.url: \"[base64 image/jpeg redacted]\"` (posthog-js)", "The same notice, with the media type the placeholder names.", "posthog-js packages/ai/src/sanitization", notices=["Image redacted by the SDK (image/jpeg)"])
b.shape("openai-chat-image-redacted-data-url", g3, "input", "`data:image/png;base64,[base64 image redacted]`", "The same notice (the data URL wraps a placeholder, not an image).", "PostHog products/ai_observability/frontend/mediaSource.test.ts", notices=["Image redacted by the SDK (image/png)"])
b.shape("openai-chat-audio-redacted", g3, "input", "`{type: \"audio\", data: \"[base64 image redacted]\", format}` (posthog-python redacts audio with the image placeholder)", "An audio notice: redacted by the SDK.", SRC_PY, notices=["Audio redacted by the SDK"])
b.shape("posthog-blob-pointer", g3, "input", "`phaiblob://v1/sha256/<hash>?mime=image%2Fpng&size=131072` (media PostHog moved to its blob store)", "A notice: stored outside the event in PostHog's media storage, with type and size (131 KB); nothing is fetched.", "PostHog products/ai_observability/frontend/mediaSource.test.ts", notices=["Image stored outside the event in PostHog's media storage (image/png, 131 KB)"])
b.shape("redacted-untyped-placeholder", g3, "input", "`\"[base64 redacted]\"` (posthog-js, media type unknown)", "A notice: image redacted by the SDK (no type claimed).", "posthog-js packages/ai/src/sanitization/binary_content_redactor.ts", notices=["Image redacted by the SDK: the event holds the placeholder \"[base64 redacted]\""])
b.shape("openai-chat-output-audio", g3, "output", "`{role: \"assistant\", audio: {id, data, transcript}}`", "The transcript, and a redaction notice for the audio itself.", SRC_PY, texts=["The caller asks to move the delivery to Monday."], notices=["Audio redacted by the SDK (audio/wav)"])

g4 = b.event("oa-chat-litellm", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4o-mini", "$ai_lib": "litellm",
    "$ai_input": [{"role": "user", "content": "[{\"type\": \"text\", \"text\": \"Say thanks to the courier.\"}]"}, {"role": "user", "content": "[not json"}],
    "$ai_output_choices": {"choices": [{"finish_reason": "stop", "index": 0, "message": {"content": "Thank you for the quick delivery!", "role": "assistant", "tool_calls": None, "function_call": None, "annotations": []}, "provider_specific_fields": {}}], "model": "gpt-4o-mini", "usage": {"prompt_tokens": 12, "completion_tokens": 8, "total_tokens": 20}},
    "$ai_input_tokens": 12, "$ai_output_tokens": 8, "$ai_total_cost_usd": 0.000007,
}, latency=0.5, span_id="g-oa-4")
b.shape("openai-chat-stringified-blocks", g4, "input", "`content: '[{\"type\": \"text\", \"text\": …}]'` (content saved as a JSON string of blocks)", "The blocks, read as content (not a JSON array); strings that are not block lists stay text.", SRC_FE, texts=["Say thanks to the courier.", "[not json"])
b.shape("litellm-response-wrapper", g4, "output", "`{choices: [{finish_reason, index, message: {content, role, tool_calls: null, function_call: null}}], model, usage}`", "The message of each choice.", SRC_FE + "; posthog-python posthog/ai/litellm", texts=["Thank you for the quick delivery!"])

g5 = b.event("oa-chat-bad-args", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-4o-mini",
    "$ai_input": "Book a slot for parcel 4471",
    "$ai_output_choices": [{"message": {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "id": "call_bad", "function": {"name": "book_slot", "arguments": "{invalid json"}}]}}],
    "$ai_input_tokens": 9, "$ai_output_tokens": 12, "$ai_total_cost_usd": 0.000004,
}, latency=0.4, span_id="g-oa-5")
b.shape("openai-chat-unparseable-arguments", g5, "output", "`function.arguments: \"{invalid json\"`", "The tool-call card with the arguments as the raw string.", SRC_FE, tools=["book_slot"], texts=["{invalid json"], tableTools=["book_slot"])
b.shape("plain-string-input", g5, "input", "`$ai_input: \"text\"`", "One user message with the text.", SRC_FE, texts=["Book a slot for parcel 4471"])
b.write(f"{OUT}/openai-chat.json", "OpenAI Chat Completions (and LiteLLM)", [SRC_PY, "posthog-js packages/ai/src/openai", SRC_FE, "posthog-python posthog/ai/litellm"],
        totals={"totalLatency": 5.4, "inputTokens": 2493, "outputTokens": 121, "inputCost": 0, "outputCost": 0, "totalCost": 0.0066})

# ---------------- OpenAI Responses ----------------
b = Builder("tr-openai-responses-01", "openai responses shapes")
SRC_R = "posthog-python posthog/test/ai/test_capture_contract.py; PostHog utils.test.ts (OpenAI Responses API)"
r1 = b.event("oa-resp-1", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-5-mini",
    "$ai_input": [
        {"role": "developer", "content": "Use tools for stock questions."},
        {"role": "user", "content": [
            {"type": "input_text", "text": "Compare this chart with today's price."},
            {"type": "input_image", "image_url": "data:image/png;base64," + PNG_B64_BLUE, "detail": "auto"},
            {"type": "input_image", "image_url": "[base64 image redacted]"},
            {"type": "input_file", "file_id": "file-rpt88", "filename": "q3-report.pdf"},
        ]},
        {"type": "reasoning", "id": "rs_01", "summary": [{"type": "summary_text", "text": "Need the current quote first."}]},
        {"type": "function_call", "call_id": "call_q1", "name": "get_quote", "arguments": "{\"ticker\":\"ACME\"}"},
        {"type": "function_call_output", "call_id": "call_q1", "output": "{\"price\": 41.7}"},
        {"type": "reasoning", "id": "rs_02", "summary": [], "encrypted_content": "gAAAAB-opaque"},
    ],
    "$ai_output_choices": {"object": "response", "id": "resp_1", "output": [
        {"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"type": "search", "query": "ACME share price"}},
        {"type": "code_interpreter_call", "id": "ci_1", "status": "completed", "code": "print(41.7/39.2)"},
        {"type": "image_generation_call", "id": "ig_1", "status": "completed", "result": "[base64 image redacted]"},
        {"type": "mcp_call", "id": "mcp_1", "name": "fetch_filings", "server_label": "edgar", "arguments": "{\"ticker\":\"ACME\"}", "output": "3 filings"},
        {"type": "file_search_call", "id": "fs_1", "status": "completed", "queries": ["q3 revenue"]},
        {"type": "computer_call", "id": "cc_1", "call_id": "cc_call_1", "status": "completed", "action": {"type": "screenshot"}},
        {"type": "custom_tool_call", "call_id": "ct_1", "name": "sql", "input": "SELECT close FROM prices WHERE ticker = 'ACME'"},
        {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant", "content": [{"type": "output_text", "text": "ACME trades at 41.70, up 6% on the chart's last close.", "annotations": []}]},
    ]},
    "$ai_input_tokens": 2100, "$ai_output_tokens": 240, "$ai_total_cost_usd": 0.0013, "$ai_reasoning_tokens": 128,
}, latency=6.1, span_id="g-r-1")
b.shape("responses-input-text-image-file", r1, "input", "`{role, content: [{type: \"input_text\"}, {type: \"input_image\", image_url: \"data:…\"|\"[base64 image redacted]\"}, {type: \"input_file\", file_id, filename}]}`", "Text, the inline image, a redaction notice for the redacted one, and a file card.", SRC_R, texts=["Compare this chart with today's price.", "q3-report.pdf"], media={"image": 1}, notices=["Image redacted by the SDK"])
b.shape("responses-developer-role", r1, "input", "`{role: \"developer\", content}`", "A developer card (tinted like system).", SRC_R, texts=["Use tools for stock questions."])
b.shape("responses-reasoning-summary", r1, "input", "`{type: \"reasoning\", summary: [{type: \"summary_text\", text}]}`", "A collapsed Reasoning box holding the summary.", SRC_R, texts=["Need the current quote first."])
b.shape("responses-reasoning-encrypted", r1, "input", "`{type: \"reasoning\", summary: [], encrypted_content}`", "A notice that the reasoning was recorded encrypted.", SRC_R, notices=["encrypted"])
b.shape("responses-function-call", r1, "input", "`{type: \"function_call\", call_id, name, arguments}` and `{type: \"function_call_output\", call_id, output}`", "A tool-call card and a tool-result card tied by the call id.", SRC_R, tools=["get_quote"], texts=["41.7"])
b.shape("responses-builtin-calls", r1, "output", "`{type: \"web_search_call\"|\"code_interpreter_call\"|\"image_generation_call\"|\"mcp_call\"|\"file_search_call\"|\"computer_call\", id, status, …}`", "A tool-call card per built-in tool, named by its type (or `name` for MCP), with the remaining fields as arguments; a generated image's `result` as an image (here: a redaction notice).", SRC_FE, tools=["web_search_call", "code_interpreter_call", "image_generation_call", "fetch_filings", "file_search_call", "computer_call"], notices=["Image redacted by the SDK"], tableTools=["web_search_call", "fetch_filings", "sql"])
b.shape("responses-custom-tool-call", r1, "output", "`{type: \"custom_tool_call\", call_id, name, input}`", "A tool-call card with the free-form input.", SRC_R, tools=["sql"], texts=["SELECT close FROM prices"])
b.shape("responses-object-output", r1, "output", "`$ai_output_choices: {object: \"response\", output: [...]}` with a `message` item of `output_text` parts", "The output items in order; the final assistant text.", SRC_R, texts=["ACME trades at 41.70, up 6% on the chart's last close."])

r2 = b.event("oa-resp-2", "$ai_generation", {
    "$ai_provider": "openai", "$ai_model": "gpt-5-mini",
    "$ai_input": "Summarise the filings in one line.",
    "$ai_output_choices": [
        {"type": "message", "id": "msg_2", "status": "completed", "content": [{"type": "output_text", "text": "Three filings, all routine.", "annotations": []}]},
        {"type": "output_image", "image_url": "https://cdn.example.com/charts/acme-q3.png"},
    ],
    "$ai_input_tokens": 300, "$ai_output_tokens": 12, "$ai_total_cost_usd": 0.0001,
}, latency=1.0, span_id="g-r-2")
b.shape("responses-roleless-message", r2, "output", "`{type: \"message\", id, status, content: [{type: \"output_text\"}]}` without `role` (OpenAI Agents output items)", "An assistant card with the text.", "posthog-python posthog/ai/openai_agents/processor.py", texts=["Three filings, all routine."])
b.shape("responses-output-image", r2, "output", "`{type: \"output_image\", image_url}`", "The image.", "OpenAI Agents output items", media={"image": 1})
b.write(f"{OUT}/openai-responses.json", "OpenAI Responses API", ["posthog-python posthog/ai/openai (Responses)", "posthog-js packages/ai/src/openai", SRC_FE],
        totals={"totalLatency": 7.1, "inputTokens": 2400, "outputTokens": 252, "inputCost": 0, "outputCost": 0, "totalCost": 0.0014})
