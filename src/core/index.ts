// tracelens/core: pure functions over PostHog $ai_* events. No React, DOM or fetch; runs in browsers, Workers and Node.
export * from "./sentiment";
export * from "./lineRefs";
export * from "./format";
