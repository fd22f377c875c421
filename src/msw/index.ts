// tracelens/msw: a mock of PostHog's LLM-analytics API over a local client, as MSW handlers (and as a plain
// Request → Response backend). Its own entry so msw never reaches the main bundle.
export { createPostHogHandlers, handlersForBackend, postHogHandlers } from "./mockHandlers";
export type { PostHogHandlersOptions } from "./mockHandlers";
export { createPostHogMockBackend } from "./mockBackend";
export type { MockOutcome, PostHogMockBackend, PostHogMockOptions } from "./mockBackend";
export { mockFaults } from "./mockFaults";
export type { MockEndpoint, MockFault, MockFaultRule } from "./mockFaults";
export type { MockRequestRecord, MockStats } from "./mockStats";
export { SERVER_ERROR_BODIES } from "./mockBackendEndpoints";
export { LATEST_PROFILE, LEGACY_PROFILE, MOCK_PROFILES } from "./mockProfiles";
export type { MockProfileName, MockServerProfile } from "./mockProfiles";
export type { MockAuthOptions, MockPersonalApiKey } from "./mockAuth";
export type { MockReply } from "./mockBackendEndpoints";
