/**
 * PostHog's URL routing for the endpoints tracelens uses (F-R1 … F-R6): which paths exist, under which
 * prefix, with which project ids and methods.
 */
import type { MockEndpoint } from "./mockFaults";

/** What a request path and method resolve to. */
export type RouteMatch =
  | { ok: true; endpoint: MockEndpoint; prefix: "environments" | "projects"; projectId: string; warning?: string }
  | { ok: false; status: number; body: unknown };

const SUB_PATHS: Record<string, MockEndpoint> = {
  query: "query",
  "llm_analytics/sentiment": "sentiment",
  "llm_analytics/sentiment/generations": "sentiment_generations",
  "llm_analytics/text_repr": "text_repr",
  "llm_analytics/summarization": "summarization",
  "llm_analytics/summarization/batch_check": "batch_check",
  "llm_analytics/evaluation_summary": "evaluation_summary",
};

// Not anchored at the start: hosts often mount PostHog behind a proxy prefix such as /posthog.
// F-R1 (posthog/api/routing.py DefaultRouterPlusPlus): `trailing_slash = r"/?"`.
// F-R3/F-R4: legacy dual routes, so both /api/projects/ and /api/environments/.
const ROUTE = /\/api\/(environments|projects)\/([^/]+)\/(query|llm_analytics\/[a-z_]+(?:\/[a-z_]+)?)\/?$/;

/**
 * Resolves a request. Unknown paths are 404; a project id that is neither "@current" nor an int is
 * 404 "Project not found." (F-R2); every routed endpoint here is POST-only, anything else 405 (F-R6).
 * Sentiment under /api/projects/ is answered, with a warning: PostHog's own callers only use
 * /api/environments/ for it (F-R5).
 */
export function matchRoute(method: string, pathname: string, projectId: string | number | undefined): RouteMatch {
  const match = ROUTE.exec(pathname);
  const endpoint = match ? SUB_PATHS[match[3]!] : undefined;
  if (!match || !endpoint) return { ok: false, status: 404, body: { type: "invalid_request", code: "not_found", detail: "Not found.", attr: null } };
  const prefix = match[1] as "environments" | "projects";
  const id = decodeURIComponent(match[2]!);
  // F-R2: TeamAndOrgViewSetMixin.parents_query_dict: "@current" or int(), else NotFound.
  const isInt = /^\s*[+-]?\d+\s*$/.test(id);
  if (id !== "@current" && !isInt) return { ok: false, status: 404, body: { type: "invalid_request", code: "not_found", detail: "Project not found.", attr: null } };
  if (projectId !== undefined && id !== "@current" && Number(id) !== Number(projectId)) {
    return { ok: false, status: 404, body: { type: "invalid_request", code: "not_found", detail: "Project not found.", attr: null } };
  }
  // F-R6: `create` and `@action(methods=["post"])` only.
  if (method.toUpperCase() !== "POST") {
    return { ok: false, status: 405, body: { type: "invalid_request", code: "method_not_allowed", detail: `Method "${method.toUpperCase()}" not allowed.`, attr: null } };
  }
  const warning =
    prefix === "projects" && (endpoint === "sentiment" || endpoint === "sentiment_generations")
      ? "sentiment is only seen under /api/environments/ in PostHog (F-R5)"
      : undefined;
  return { ok: true, endpoint, prefix, projectId: id, ...(warning ? { warning } : {}) };
}
