/**
 * The `$ai_*` event model: property types per event, the `LLMTrace` shape, and the LLM-analytics
 * request/response bodies. Split into `events*.ts` parts; this module re-exports them.
 */
export * from "./eventsProperties";
export * from "./eventsTrace";
export * from "./eventsApi";
