/** MSW request handlers over the mock PostHog backend, for tests, Storybook and demos. */
import { HttpResponse, http, type HttpHandler } from "msw";
import { createPostHogMockBackend, type PostHogMockBackend, type PostHogMockOptions } from "./mockBackend";

export interface PostHogHandlersOptions extends PostHogMockOptions {
  /**
   * Origin (and optional path prefix) to intercept, e.g. `https://us.posthog.com` or `/posthog`.
   * @default any origin
   */
  baseUrl?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * MSW handlers for an existing backend. Every method is intercepted on PostHog's API paths, so
 * wrong methods get PostHog's 405 rather than slipping through to the network.
 */
export function handlersForBackend(backend: PostHogMockBackend, baseUrl?: string): HttpHandler[] {
  const prefix = baseUrl ? escapeRegExp(baseUrl.replace(/\/+$/, "")) : "";
  // F-R1: with or without the trailing slash.
  const pattern = new RegExp(`${prefix}/api/(?:environments|projects)/[^/]+/(?:query|llm_analytics)(?:/|$)`);
  return [
    http.all(pattern, async ({ request, cookies }) => {
      try {
        // In a browser the Cookie header is not readable; msw hands the page's cookies over separately.
        const outcome = await backend.handle(request, cookies);
        return outcome.type === "network-error" ? HttpResponse.error() : outcome.response;
      } catch (error) {
        // The caller aborted while the backend was "working"; nobody is left to answer.
        if (request.signal.aborted) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}

/**
 * A mock PostHog backend and its MSW handlers.
 *
 * @example
 * const { handlers, backend } = createPostHogHandlers({ traces, classifier, latencyMs: 30 });
 * const server = setupServer(...handlers); // msw/node, or setupWorker(...handlers) in a browser
 * backend.addFault({ endpoint: "summarization", fault: mockFaults.serverError(), times: 1 });
 */
export function createPostHogHandlers(options: PostHogHandlersOptions = {}): { handlers: HttpHandler[]; backend: PostHogMockBackend } {
  const backend = createPostHogMockBackend(options);
  return { backend, handlers: handlersForBackend(backend, options.baseUrl) };
}

/** Just the handlers, when the test does not need to steer the backend. */
export function postHogHandlers(options: PostHogHandlersOptions = {}): HttpHandler[] {
  return createPostHogHandlers(options).handlers;
}
