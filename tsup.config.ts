import { defineConfig, type Options } from "tsup";

const shared: Options = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  target: "es2022",
  // The build script empties dist once; two configs running `clean` would delete each other's output.
  clean: false,
  external: ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query", "onnxruntime-web", "msw"],
  // No `treeshake: true`: its rollup pass drops the "use client" banner (toolchain pitfall 5).
};

export default defineConfig([
  {
    ...shared,
    entry: { index: "src/index.ts" },
    // Every React entry starts with the directive so Next.js app-router hosts can import it from a server file.
    banner: { js: '"use client";' },
  },
  {
    ...shared,
    entry: { "core/index": "src/core/index.ts", "inference/index": "src/inference/index.ts", "msw/index": "src/msw/index.ts" },
  },
]);
