// tracelens/core: pure functions over PostHog $ai_* events. No React, DOM or fetch; runs in browsers, Workers and Node.
export * from "./sentiment";
export * from "./lineRefs";
export * from "./format";
export * from "./events";
export * from "./trace";
export * from "./messages";
export * from "./posthogLlm";
export * from "./textRepr";
export { eventTextReprInput, eventTextReprRequest, traceTextReprInput, traceTextReprRequest, type TraceTextReprInputOptions } from "./textRepr/textReprInput";
export * from "./eventLabels";
export { MARKDOWN_PREVIEW_MAX_CHARS, cutAtGrapheme, markdownPreview } from "./markdownPreview";
export * from "./explore";
export * from "./insight";
// Row helpers the components share: labels, previews and generation rows of traces.
export * from "./traceRows";
export * from "./tracePreviews";
export * from "./generationRows";
export * from "./messageLabels";
export * from "./messageLabelsLocal";
export * from "./labelBreakdown";
