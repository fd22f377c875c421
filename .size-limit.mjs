// `npm run size`: gzipped size of each entry as a host bundler would include it, peers excluded.
// The main entry has the hard budget (60 kB); the others keep the component families from creeping.
// ESM output, as hosts bundle it (import.meta is how the inference entry finds its model and worker).
const esm = (config) => ({ ...config, format: "esm" });
const peers = ["react", "react-dom", "@tanstack/react-query"];
const runtime = ["react", "onnxruntime-web", "@huggingface/tokenizers"];
const entry = (name, path, limit, ignore = []) => ({ name, path, limit, gzip: true, ignore, modifyEsbuildConfig: esm });

export default [
  entry("tracelens (main entry)", "dist/index.js", "60 kB", peers),
  entry("tracelens/tables", "dist/tables.js", "70 kB", peers),
  entry("tracelens/trace", "dist/trace.js", "95 kB", peers),
  entry("tracelens/overview", "dist/overview.js", "20 kB", peers),
  entry("tracelens/evaluations", "dist/evaluations.js", "35 kB", peers),
  // core: +10 kB gzip (30 kB minified) for trace insight (breakdown, loops, flows, outliers, trace-page data), issue 19.
  entry("tracelens/core", "dist/core/index.js", "56 kB"),
  entry("tracelens/inference (without onnxruntime-web and tokenizers)", "dist/inference/index.js", "20 kB", runtime),
  entry("tracelens/inference/worker (without onnxruntime-web and tokenizers)", "dist/inference/worker.js", "15 kB", runtime),
];
