// @vitest-environment node
/**
 * The strict mock refuses what PostHog refuses: routing (F-R*), authentication and scopes (F-A*). Each
 * test names the facts of shared/spec/posthog-contract.md it checks, so a mock that merely agreed with
 * the client would fail here.
 */
import { IDS } from "../client/helpers";
import { call, detailOf, query, strictMock } from "./strictMockHelpers";

const LIST = query({ kind: "TracesQuery", dateRange: { date_from: "all" }, limit: 1 });
const TEXT = { event_type: "$ai_generation", data: { id: "e1", properties: {} } };

describe("routing (F-R1 … F-R6)", () => {
  it("F-R1: routes with and without the trailing slash", async () => {
    const backend = strictMock();
    expect((await call(backend, "query/", LIST)).status).toBe(200);
    expect((await call(backend, "query", LIST)).status).toBe(200);
    expect((await call(backend, "llm_analytics/text_repr", TEXT)).status).toBe(200);
  });

  it('F-R2: a project id must be "@current" or an int, else 404 "Project not found."', async () => {
    const backend = strictMock();
    const bad = await call(backend, "/api/environments/abc/query/", LIST);
    expect([bad.status, detailOf(bad)]).toEqual([404, "Project not found."]);
    expect((await call(backend, "/api/environments/@current/query/", LIST)).status).toBe(200);
    expect((await call(backend, "/api/projects/2/query/", LIST)).status).toBe(200);
    expect((await call(backend, "/api/projects/7/query/", LIST)).status).toBe(404);
  });

  it("F-R3/F-R4: query, text_repr, summarization and evaluation_summary answer under /api/projects/ and /api/environments/", async () => {
    const backend = strictMock();
    for (const prefix of ["/api/projects/2", "/api/environments/2"]) {
      expect((await call(backend, `${prefix}/query/`, LIST)).status).toBe(200);
      expect((await call(backend, `${prefix}/llm_analytics/text_repr/`, TEXT)).status).toBe(200);
      expect((await call(backend, `${prefix}/llm_analytics/evaluation_summary/`, { evaluation_id: IDS.evaluation })).status).toBe(200);
      expect((await call(backend, `${prefix}/llm_analytics/summarization/`, {})).status).toBe(400);
    }
    expect(backend.stats.warnings).toEqual([]);
  });

  it("F-R5: sentiment under /api/projects/ is answered but recorded as a warning", async () => {
    const backend = strictMock();
    expect((await call(backend, "/api/projects/2/llm_analytics/sentiment/", { ids: ["x"] })).status).toBe(200);
    expect(backend.stats.warnings).toHaveLength(1);
    expect(backend.stats.warnings[0]).toMatch(/F-R5/);
  });

  it("F-R6: every endpoint is POST only; any other method is 405", async () => {
    const backend = strictMock();
    for (const path of ["query/", "llm_analytics/sentiment/", "llm_analytics/text_repr/", "llm_analytics/summarization/", "llm_analytics/summarization/batch_check/", "llm_analytics/evaluation_summary/"]) {
      for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
        const answer = await call(backend, path, {}, { method });
        expect([path, method, answer.status]).toEqual([path, method, 405]);
      }
    }
    expect((await call(backend, "llm_analytics/nowhere/", {})).status).toBe(404);
  });
});

describe("authentication and scopes (F-A1 … F-A9)", () => {
  const keys = [
    { key: "phx_legacy_key", scopes: [] },
    { key: "phx_all_access", scopes: ["*"] },
    { key: "phx_query_read", scopes: ["query:read"] },
    { key: "phx_query_write", scopes: ["query:write"] },
    { key: "phx_llm_write", scopes: ["llm_analytics:write"] },
    { key: "phx_llm_read", scopes: ["llm_analytics:read", "query:read"] },
  ];
  const bearer = (key: string) => ({ headers: { Authorization: `Bearer ${key}` } });

  it("F-A1/F-A2: the key comes from the Authorization header, else the body, else the query string; unknown keys are 401", async () => {
    const backend = strictMock({ auth: { required: true, apiKeys: keys } });
    expect((await call(backend, "query/", LIST)).status).toBe(401);
    expect((await call(backend, "query/", LIST, bearer("phx_nope"))).status).toBe(401);
    expect((await call(backend, "query/", LIST, { headers: { Authorization: "Bearer    " } })).status).toBe(401);
    expect((await call(backend, "query/", LIST, bearer("phx_query_read"))).status).toBe(200);
    // In the body the key authenticates, but QueryRequest then refuses the extra key (F-Q2); DRF endpoints ignore it (F-D1).
    expect((await call(backend, "query/", { ...LIST, personal_api_key: "phx_query_read" })).status).toBe(400);
    expect((await call(backend, "llm_analytics/text_repr/", { ...TEXT, personal_api_key: "phx_llm_write" })).status).toBe(200);
    expect((await call(backend, "llm_analytics/text_repr/", { ...TEXT, personal_api_key: "phx_llm_read" })).status).toBe(403);
    expect((await call(backend, "query/?personal_api_key=phx_query_read", LIST)).status).toBe(200);
  });

  it("F-A7: POST query/ needs query:read, which query:write also satisfies", async () => {
    const backend = strictMock({ auth: { required: true, apiKeys: keys } });
    expect((await call(backend, "query/", LIST, bearer("phx_query_write"))).status).toBe(200);
    const missing = await call(backend, "query/", LIST, bearer("phx_llm_write"));
    expect([missing.status, detailOf(missing)]).toEqual([403, "API key missing required scope 'query:read'"]);
  });

  it("F-A4/F-A6: create on the llm_analytics endpoints needs llm_analytics:write; llm_analytics:read is not enough", async () => {
    const backend = strictMock({ auth: { required: true, apiKeys: keys } });
    for (const [path, body] of [["llm_analytics/text_repr/", TEXT], ["llm_analytics/sentiment/", { ids: ["x"] }], ["llm_analytics/evaluation_summary/", { evaluation_id: IDS.evaluation }]] as const) {
      const refused = await call(backend, path, body, bearer("phx_llm_read"));
      expect([path, refused.status, detailOf(refused)]).toEqual([path, 403, "API key missing required scope 'llm_analytics:write'"]);
      expect((await call(backend, path, body, bearer("phx_llm_write"))).status).toBe(200);
    }
  });

  it("F-A5/F-A6: custom actions with no scope refuse every scoped key, even '*', and allow a legacy key", async () => {
    const backend = strictMock({ auth: { required: true, apiKeys: keys } });
    for (const key of ["phx_all_access", "phx_llm_write", "phx_query_read"]) {
      const refused = await call(backend, "llm_analytics/summarization/batch_check/", { trace_ids: [IDS.support] }, bearer(key));
      expect([key, refused.status, detailOf(refused)]).toEqual([key, 403, "This action does not support Personal API Key access"]);
      expect((await call(backend, "llm_analytics/sentiment/generations/", {}, bearer(key))).status).toBe(403);
    }
    expect((await call(backend, "llm_analytics/summarization/batch_check/", { trace_ids: [IDS.support] }, bearer("phx_legacy_key"))).status).toBe(200);
    expect((await call(backend, "llm_analytics/sentiment/generations/", {}, bearer("phx_legacy_key"))).status).toBe(200);
  });

  it("F-A8: summarization, batch_check and evaluation_summary need AI data processing approval (403); others do not", async () => {
    const backend = strictMock({ aiProcessingApproved: false });
    const detail = "AI data processing must be approved by your organization before using summarization";
    for (const path of ["llm_analytics/summarization/", "llm_analytics/summarization/batch_check/", "llm_analytics/evaluation_summary/"]) {
      const refused = await call(backend, path, {});
      expect([path, refused.status, detailOf(refused)]).toEqual([path, 403, detail]);
    }
    expect((await call(backend, "llm_analytics/text_repr/", TEXT)).status).toBe(200);
    expect((await call(backend, "llm_analytics/sentiment/", { ids: ["x"] })).status).toBe(200);
  });

  it("F-A9: a cookie session must send the CSRF token with every POST", async () => {
    const backend = strictMock({ auth: { required: true, sessionCookie: "sessionid" } });
    const cookie = "sessionid=s1; csrftoken=tok";
    const noToken = await call(backend, "query/", LIST, { headers: { Cookie: cookie } });
    expect([noToken.status, detailOf(noToken)]).toEqual([403, "CSRF Failed: CSRF token missing or incorrect."]);
    expect((await call(backend, "query/", LIST, { headers: { Cookie: cookie, "X-CSRFToken": "other" } })).status).toBe(403);
    expect((await call(backend, "query/", LIST, { headers: { Cookie: cookie, "X-CSRFToken": "tok" } })).status).toBe(200);
    // A logged-in session may call the custom actions a personal key may not.
    expect((await call(backend, "llm_analytics/summarization/batch_check/", { trace_ids: [] }, { headers: { Cookie: cookie, "X-CSRFToken": "tok" } })).status).toBe(200);
  });
});
