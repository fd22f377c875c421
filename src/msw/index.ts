// tracelens/msw: MSW handlers that implement PostHog's LLM-analytics endpoints over a local client.
// Its own entry so msw never reaches the main bundle. The handlers land with the data-layer issue.
export {};
