// tracelens/inference: local sentiment classification (onnxruntime-web + @huggingface/tokenizers).
// Its own entry so the main bundle never carries the runtime. The classifier lands with the inference issue.
export {};
