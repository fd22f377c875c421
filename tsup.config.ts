import { defineConfig, type Options } from "tsup";

const shared: Options = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  target: "es2022",
  // The build script empties dist once; configs running `clean` would delete each other's output.
  clean: false,
  external: ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query", "onnxruntime-web", "msw"],
  // No `treeshake: true`: its rollup pass drops the "use client" banner (toolchain pitfall 5).
};

export default defineConfig([
  {
    ...shared,
    // The React entries. They share chunks in both formats (CJS splitting too), so TraceLensProvider
    // from `tracelens` and a component from `tracelens/trace` see one React context, not two copies.
    entry: {
      index: "src/index.ts",
      tables: "src/tables.ts",
      trace: "src/trace.ts",
      overview: "src/overview.ts",
      evaluations: "src/evaluations.ts",
      // Not an export: SafeMarkdown's lazily loaded body (markdown-it and the renderer), named so its
      // size has a budget of its own (`npm run size`) and stays out of every entry's.
      "markdown-body": "src/components/ui/markdownBody.tsx",
      // Not an export either: the syntax highlighter a code block with a language loads on first use.
      "code-highlight": "src/components/ui/codeHighlight.tsx",
      // Not an export: the text representation the local client loads for its first text_repr or summary.
      "text-repr": "src/client/clientTextRepr.ts",
    },
    splitting: true,
    // Every React file starts with the directive so Next.js app-router hosts can import it from a server file.
    banner: { js: '"use client";' },
  },
  {
    ...shared,
    entry: { "core/index": "src/core/index.ts", "msw/index": "src/msw/index.ts" },
  },
  {
    ...shared,
    // No shared chunks: the embedded model is found relative to each file's import.meta.url
    // (`../../models/…` from dist/inference/), which a chunk in dist/ would break.
    entry: { "inference/index": "src/inference/index.ts", "inference/worker": "src/inference/worker.ts" },
    splitting: false,
    // CJS has no import.meta: defaultModel.ts falls back to __filename there, and Node needs no worker.
    esbuildOptions(options) {
      options.logOverride = { "empty-import-meta": "silent" };
    },
  },
]);
