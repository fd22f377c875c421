// `npm run size`: gzipped size of each entry as a host bundler would include it, peers excluded.
// The main entry has the hard budget (60 kB); the others keep the component families from creeping.
// ESM output, as hosts bundle it (import.meta is how the inference entry finds its model and worker).
const esm = (config) => ({ ...config, format: "esm" });
// What an entry loads with import() (SafeMarkdown's parser chunk, and the syntax highlighter it loads
// for code blocks, and the local client's text representation) is left out of the entry's first load and counted under its own budget below.
const LAZY = ["*/markdown-body.js", "*/code-highlight.js", "*/text-repr.js"];
const esmWithoutLazy = (config) => ({ ...esm(config), external: [...(config.external ?? []), ...LAZY] });
const peers = ["react", "react-dom", "@tanstack/react-query"];
const runtime = ["react", "onnxruntime-web", "@huggingface/tokenizers"];
const entry = (name, path, limit, ignore = []) => ({ name, path, limit, gzip: true, ignore, modifyEsbuildConfig: esmWithoutLazy });

export default [
  entry("tracelens (main entry)", "dist/index.js", "60 kB", peers),
  // tables: +14 kB gzip for issue 19's outlier column (trace-tree builder, loop detection, median/MAD
  // statistics and their sentences), +2 kB for issue 17's emotion/toxicity columns and filters,
  // +8 kB for the explore drop-ins (SessionsTable, ErrorsTable, TraceFilters, PersonBadge), issue 18,
  // +3 kB for the label chips, which left the main entry.
  // tables: +5.5 kB for issue 21's row actions, compact layout and the one-line previews (markdownPreview)
  // and trace times its cells use.
  // tables: +4.2 kB for issue 18's person column (PersonBadge in every row, its top-layer popover, and
  // PostHog's property-filter rules evaluated in the browser when "Filter to this person" narrows host data).
  // tables: +1 kB (issues 15/16, branch tables): the outlier statistics as a sliced job over typed columns,
  // sorting that yields, and host rows normalised after paint.
  // tables: +1 kB (issues #15/#16, branches tables3 and overview3): one shared copy announcer, overscan that
  // follows the scroll direction, host rows normalised as steps (normalizeTracesSteps).
  entry("tracelens/tables", "dist/tables.js", "113 kB", peers),
  // trace: +15 kB gzip for issue 19 (TraceBreakdown, and TraceDetail's loops, evaluations, cost parts,
  // model parameters, feedback, presets and export), +2 kB for issue 17's per-message label chips.
  // trace: +5.6 kB (issue 21): markdownPreview for one-line previews and the trace-time definitions and texts.
  // trace: +1.5 kB (issues #16/#15, branch tree): TraceDetail's staged build (shape first, the rest in slices) and sliced loop search.
  // trace: +1 kB (issues #16/#15, branch detail2): the outline a large trace paints first (outlineTraceTree, a lazy event-id index).
  // trace: +1 kB (issues #16/#15, branch detail3): the outline read in slices over 20,000 events, the sliced search,
  // and the header, insight and timeline figures worked out in background steps.
  // trace: +0.75 kB (merging tables3/overview3 into detail3's figure): the shared copy announcer and lighter
  // table parts TraceDetail also uses, and the claimed selection keys for reused event ids.
  // trace: +3.25 kB (issue #16, branch detail4): the column scan a large trace's first paint reads
  // (traceOutlineScan*: events into parallel arrays, parents and sibling order over indexes, nodes that are
  // their own rows) and the same-minute timestamp reader (isoTime), beside the full outline it falls back to.
  // trace: +0.25 kB (merging tables4 into detail4's figure): scroll pause for background jobs and the memoised table head.
  entry("tracelens/trace", "dist/trace.js", "126.75 kB", peers),
  // overview: +6 kB for LabelsOverview (emotion and toxicity breakdowns), issue 17.
  // overview: +1 kB (issue 15, branch overview3): SentimentOverview's items read in slices after paint,
  // loaded sentiment filled into them, and the hour table drawn in stages with its busy states.
  entry("tracelens/overview", "dist/overview.js", "27 kB", peers),
  entry("tracelens/evaluations", "dist/evaluations.js", "35 kB", peers),
  // core: +10 kB gzip (30 kB minified) for trace insight (breakdown, loops, flows, outliers, trace-page data), issue 19.
  // core: +2 kB for the row, preview and paging helpers the components now share through core (issue 14).
  // core: +10 kB for explore data (PostHog dates, property filters with HogQL semantics, sessions, error groups, trends, neighbours, URL state), issue 18.
  // core: +5.2 kB for markdownPreview (4.2 kB) and traceTimes/traceTimesText (issue 21).
  // core: +0.6 kB (branch tree): startTraceTree's two stages and detectTraceLoopsSteps.
  // core: +0.5 kB (branches textrepr2 and tables): text_repr's tool-list memo and lazy payloads, outliers as a sliced job.
  // core: +0.2 kB (branch detail3): the tree's assembly and shape stages as jobs that yield (main stood at 76.56 kB).
  // core: +0.25 kB (branch overview3 and main): normalizeTracesSteps, sessionTracesSteps, claimId.
  entry("tracelens/core", "dist/core/index.js", "77 kB"),
  entry("SafeMarkdown's parser chunk (markdown-it; loaded on first use)", "dist/markdown-body.js", "52 kB", peers),
  entry("SafeMarkdown's syntax highlighter (lowlight, 15 languages; loaded for code blocks)", "dist/code-highlight.js", "28 kB", peers),
  entry("The local client's text representation (PostHog's text_repr port; loaded on first use)", "dist/text-repr.js", "20 kB", peers),
  // inference: +2 kB (issue 16) for engineGraph.ts, the graph rewrite that keeps ONNX Runtime's wasm Cast kernel cold.
  // inference: +2.5 kB (issue 16, branch inference3) for the pooling kernel (engineKernel*.ts: graph recognition,
  // the WebAssembly function assembled from its instructions, the load-time check against ONNX Runtime).
  // inference: +0.25 kB for stopping an aborted classification between batches (the worker's abort request).
  entry("tracelens/inference (without onnxruntime-web and tokenizers)", "dist/inference/index.js", "24.75 kB", runtime),
  entry("tracelens/inference/worker (without onnxruntime-web and tokenizers)", "dist/inference/worker.js", "15 kB", runtime),
];
