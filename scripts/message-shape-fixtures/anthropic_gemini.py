from common import *
OUT = os.environ["OUT"]

# ---------------- Anthropic ----------------
b = Builder("tr-anthropic-01", "anthropic shapes")
SRC = "posthog-python posthog/ai/anthropic (anthropic_converter); posthog/test/ai/test_capture_contract.py"
SRC_FE = "PostHog products/llm_analytics/frontend/utils.ts + utils.test.ts"
a1 = b.event("an-1", "$ai_generation", {
    "$ai_provider": "anthropic", "$ai_model": "claude-sonnet-4-5",
    "$ai_input": [
        {"role": "system", "content": "You are a claims assistant."},
        {"role": "user", "content": [
            {"type": "text", "text": "Is this receipt covered?"},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG_B64}},
            {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "[base64 image redacted]"}},
            {"type": "image", "source": {"type": "url", "url": "https://cdn.example.com/receipts/r-19.jpg"}},
            {"type": "document", "title": "policy-2026.pdf", "source": {"type": "base64", "media_type": "application/pdf", "data": "[base64 application/pdf redacted]"}},
            {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "Section 4: meals under 60 EUR are covered."}},
        ]},
    ],
    "$ai_tools": [{"name": "check_policy", "description": "Look up a policy clause.", "input_schema": {"type": "object", "properties": {"clause": {"type": "string"}}, "required": ["clause"]}}],
    "$ai_output_choices": [
        {"type": "thinking", "thinking": "The receipt shows a 42 EUR meal; check section 4.", "signature": "sig-abc"},
        {"type": "redacted_thinking", "data": "opaque"},
        {"type": "text", "text": "Let me check the policy."},
        {"type": "tool_use", "id": "toolu_01", "name": "check_policy", "input": {"clause": "4"}},
    ],
    "$ai_input_tokens": 1900, "$ai_output_tokens": 88, "$ai_cache_read_input_tokens": 1200, "$ai_total_cost_usd": 0.0042,
}, latency=3.3, span_id="g-an-1")
b.shape("anthropic-system-and-text", a1, "input", "`system` as the first message, `{type: \"text\", text}` blocks", "A system card and the user's text.", SRC, texts=["You are a claims assistant.", "Is this receipt covered?"])
b.shape("anthropic-image-base64", a1, "input", "`{type: \"image\", source: {type: \"base64\", media_type, data}}`", "The image inline.", SRC, media={"image": 2})
b.shape("anthropic-image-redacted", a1, "input", "`source.data: \"[base64 image redacted]\"`", "A notice: image redacted by the SDK, with the media type from `source.media_type`.", SRC, notices=["Image redacted by the SDK (image/jpeg)"])
b.shape("anthropic-image-url", a1, "input", "`{type: \"image\", source: {type: \"url\", url}}`", "The remote image (subject to the media policy).", SRC, media={"image": 2})
b.shape("anthropic-document-redacted", a1, "input", "`{type: \"document\", title, source: {type: \"base64\", media_type: \"application/pdf\", data: \"[base64 application/pdf redacted]\"}}`", "The document title and a redaction notice (no fake size).", SRC, texts=["policy-2026.pdf"], notices=["File redacted by the SDK (application/pdf)"])
b.shape("anthropic-document-text", a1, "input", "`{type: \"document\", source: {type: \"text\", data}}`", "The document's text.", SRC, texts=["Section 4: meals under 60 EUR are covered."])
b.shape("anthropic-output-blocks", a1, "output", "`$ai_output_choices` as a bare list of blocks: `thinking` (with signature), `redacted_thinking`, `text`, `tool_use`", "A Reasoning box, an encrypted-reasoning notice, the text and a tool-call card.", SRC_FE, texts=["The receipt shows a 42 EUR meal; check section 4.", "Let me check the policy."], tools=["check_policy"], tableTools=["check_policy"])
b.shape("anthropic-tools-input-schema", a1, "tools", "`$ai_tools: [{name, description, input_schema}]`", "The Available tools box.", SRC, availableTools=["check_policy"])
a2 = b.event("an-2", "$ai_generation", {
    "$ai_provider": "anthropic", "$ai_model": "claude-sonnet-4-5",
    "$ai_input": [
        {"role": "user", "content": "Is this receipt covered?"},
        {"role": "assistant", "content": [{"type": "text", "text": "Let me check the policy."}, {"type": "tool_use", "id": "toolu_01", "name": "check_policy", "input": {"clause": "4"}}]},
        {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "toolu_01", "content": "Meals under 60 EUR: covered."},
            {"type": "tool_result", "tool_use_id": "toolu_02", "is_error": True, "content": [{"type": "text", "text": "clause 9 not found"}, {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG_B64_BLUE}}]},
            {"type": "text", "text": "Also, can you search the web for the 2026 limits?"},
        ]},
        {"role": "assistant", "content": [
            {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "2026 meal expense limit"}},
            {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": [{"type": "web_search_result", "url": "https://example.org/limits", "title": "Limits 2026"}]},
        ]},
    ],
    "$ai_output_choices": [{"role": "assistant", "content": [{"type": "text", "text": "Yes: a 42 EUR meal is covered under section 4."}]}],
    "$ai_input_tokens": 2300, "$ai_output_tokens": 30, "$ai_total_cost_usd": 0.0031,
}, latency=2.0, span_id="g-an-2")
b.shape("anthropic-tool-result-blocks", a2, "input", "`{role: \"user\", content: [{type: \"tool_result\", tool_use_id, content: string | blocks, is_error}]}`", "Each tool result as its own tool card (errors marked), images inside results shown; the user's text as a separate user card.", SRC_FE, texts=["Meals under 60 EUR: covered.", "clause 9 not found", "Also, can you search the web for the 2026 limits?"], media={"image": 1})
b.shape("anthropic-server-tool", a2, "input", "`{type: \"server_tool_use\"}` and `{type: \"web_search_tool_result\", content: [...]}`", "A tool-call card for the server tool and a tool-result card named after it.", SRC, tools=["web_search"], texts=["Limits 2026"])
b.write(f"{OUT}/anthropic.json", "Anthropic Messages", [SRC, SRC_FE], totals={"totalLatency": 5.3, "inputTokens": 4200, "outputTokens": 118, "inputCost": 0, "outputCost": 0, "totalCost": 0.0073})

# ---------------- Gemini ----------------
b = Builder("tr-gemini-01", "gemini shapes")
SRC = "posthog-python posthog/ai/gemini/gemini_converter.py; posthog/test/ai/gemini/test_gemini_converter.py; test_capture_contract.py"
SRC_JS = "posthog-js packages/ai/src/gemini"
g1 = b.event("ge-1", "$ai_generation", {
    "$ai_provider": "gemini", "$ai_model": "gemini-2.5-flash",
    "$ai_input": [
        {"role": "system", "content": "Describe media for accessibility."},
        {"role": "user", "content": [
            {"type": "text", "text": "What is in these?"},
            {"type": "image", "inline_data": {"mime_type": "image/png", "data": PNG_B64}},
            {"type": "image", "inline_data": {"mime_type": "image/webp", "data": "[base64 image redacted]"}},
            {"type": "video", "file_data": {"mime_type": "video/mp4", "file_uri": "https://generativelanguage.googleapis.com/v1beta/files/vid-88"}},
            {"type": "video", "inline_data": {"mime_type": "video/mp4", "data": "[base64 video/mp4 redacted]"}},
            {"type": "audio", "inline_data": {"mime_type": "audio/wav", "data": WAV_B64}},
            {"type": "executable_code", "executable_code": {"language": "PYTHON", "code": "print(2 + 2)"}},
            {"type": "code_execution_result", "code_execution_result": {"outcome": "OUTCOME_OK", "output": "4"}},
        ]},
        {"role": "model", "content": [
            {"type": "thinking", "thinking": "Earlier I looked at the first frame."},
            {"type": "function_call", "function_call": {"name": "get_frame", "args": {"second": 3}}},
        ]},
        {"role": "user", "content": [{"type": "function_response", "function_response": {"name": "get_frame", "response": {"caption": "a red kite over a beach"}}}]},
    ],
    "$ai_tools": [{"functionDeclarations": [{"name": "get_frame", "description": "Grab a video frame.", "parameters": {"type": "object", "properties": {"second": {"type": "number"}}}}]}],
    "$ai_output_choices": [{"role": "assistant", "content": [
        {"type": "thinking", "thinking": "Summarise all media in one line."},
        {"type": "text", "text": "here you go:"},
        {"type": "image", "inline_data": {"mime_type": "image/png", "data": PNG_B64_BLUE}},
        {"type": "function", "function": {"name": "save_caption", "arguments": {"text": "red kite"}}},
    ]}],
    "$ai_input_tokens": 5100, "$ai_output_tokens": 1300, "$ai_total_cost_usd": 0.0049,
}, latency=4.2, span_id="g-ge-1")
b.shape("gemini-typed-image", g1, "input", "`{type: \"image\", inline_data: {mime_type, data}}` (posthog-python typed parts)", "The image inline.", SRC, media={"image": 1})
b.shape("gemini-typed-image-redacted", g1, "input", "`{type: \"image\", inline_data: {mime_type, data: \"[base64 image redacted]\"}}`", "A notice: image redacted by the SDK (image/webp).", SRC, notices=["Image redacted by the SDK (image/webp)"])
b.shape("gemini-typed-video-file", g1, "input", "`{type: \"video\", file_data: {mime_type: \"video/mp4\", file_uri}}`", "A video player (nothing loads before play) with the file URI.", SRC, media={"video": 1})
b.shape("gemini-typed-video-redacted", g1, "input", "`{type: \"video\", inline_data: {data: \"[base64 video/mp4 redacted]\"}}`", "A video notice: redacted by the SDK.", SRC, notices=["Video redacted by the SDK (video/mp4)"])
b.shape("gemini-typed-audio", g1, "input", "`{type: \"audio\", inline_data: {mime_type: \"audio/wav\", data}}`", "An audio player.", SRC, media={"audio": 1})
b.shape("gemini-code-execution", g1, "input", "`{type: \"executable_code\", executable_code: {language, code}}`, `{type: \"code_execution_result\", code_execution_result: {outcome, output}}`", "A `code_execution` tool call with the code, and its result.", SRC, tools=["code_execution"], texts=["print(2 + 2)"])
b.shape("gemini-function-call-response", g1, "input", "`{type: \"function_call\", function_call: {name, args}}` and `{type: \"function_response\", function_response: {name, response}}`", "A tool-call card and a tool-result card (a function response is a tool result, not user text).", SRC, tools=["get_frame"], texts=["a red kite over a beach"])
b.shape("gemini-thinking", g1, "input", "`{type: \"thinking\", thinking}` (thought parts)", "A Reasoning box.", SRC, texts=["Earlier I looked at the first frame."])
b.shape("gemini-output-generated-image", g1, "output", "Output content with `text`, `thinking`, a generated `{type: \"image\", inline_data}` and `{type: \"function\", function: {name, arguments}}`", "Text, reasoning, the generated image, and a tool-call card.", SRC, texts=["here you go:", "Summarise all media in one line."], media={"image": 1}, tools=["save_caption"], tableTools=["save_caption"])
b.shape("gemini-tools-function-declarations", g1, "tools", "`$ai_tools: [{functionDeclarations: [{name, description, parameters}]}]`", "The Available tools box, one entry per declaration.", SRC_JS, availableTools=["get_frame"])
g2 = b.event("ge-2", "$ai_generation", {
    "$ai_provider": "gemini", "$ai_model": "gemini-2.5-flash",
    "$ai_input": {"contents": [
        {"role": "user", "parts": [{"text": "Caption this"}, {"inlineData": {"mimeType": "image/png", "data": PNG_B64}}, {"fileData": {"mimeType": "application/pdf", "fileUri": "gs://bucket/brief.pdf"}}]},
        {"role": "model", "parts": [{"text": "Planning…", "thought": True}, {"functionCall": {"name": "lookup_style", "args": {"tone": "calm"}}}]},
        {"role": "user", "parts": [{"functionResponse": {"name": "lookup_style", "response": {"style": "short"}}}, {"executableCode": {"language": "PYTHON", "code": "len('kite')"}}, {"codeExecutionResult": {"outcome": "OUTCOME_FAILED", "output": "NameError"}}]},
    ], "systemInstruction": {"parts": [{"text": "Be brief."}]}},
    "$ai_output_choices": {"candidates": [{"content": {"role": "model", "parts": [{"text": "A kite on the beach."}, {"inline_data": {"mime_type": "image/png", "data": "[base64 image redacted]"}}]}, "finishReason": "STOP"}]},
    "$ai_input_tokens": 900, "$ai_output_tokens": 12, "$ai_total_cost_usd": 0.0003,
}, latency=1.1, span_id="g-ge-2")
b.shape("gemini-raw-contents", g2, "input", "`{contents: [{role, parts: [{text}, {inlineData}, {fileData}]}], systemInstruction}` (camelCase API objects)", "The system instruction first, then each content with its parts; the image inline, the gs:// document as a file card.", SRC_JS, texts=["Be brief.", "Caption this", "gs://bucket/brief.pdf"], media={"image": 1})
b.shape("gemini-raw-function-parts", g2, "input", "`{functionCall: {name, args}}`, `{functionResponse: {name, response}}`, `{executableCode}`, `{codeExecutionResult}`, `{text, thought: true}`", "Tool calls and tool results (a failed execution marked as an error), reasoning for thoughts.", SRC_JS, tools=["lookup_style", "code_execution"], texts=["Planning…", "NameError"])
b.shape("gemini-candidates-output", g2, "output", "`$ai_output_choices: {candidates: [{content: {role: \"model\", parts}}]}`", "The candidate's parts as an assistant message; a redacted output image as a notice.", SRC_JS, texts=["A kite on the beach."], notices=["Image redacted by the SDK"])
b.write(f"{OUT}/gemini.json", "Google Gemini", [SRC, SRC_JS], totals={"totalLatency": 5.3, "inputTokens": 6000, "outputTokens": 1312, "inputCost": 0, "outputCost": 0, "totalCost": 0.0052})
