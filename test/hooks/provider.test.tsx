import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { createLocalClient } from "../../src/client/clientLocal";
import { createPostHogClient } from "../../src/client/clientPostHog";
import { traceKeys } from "../../src/hooks/keys";
import { TraceLensProvider } from "../../src/hooks/TraceLensProvider";
import { tracesQueryOptions } from "../../src/hooks/traceQueryOptions";
import { useTrace } from "../../src/hooks/useTrace";
import { useTraces } from "../../src/hooks/useTraces";
import { IDS, allTraces } from "../client/helpers";
import { HOST, harness, startMsw } from "./mswHarness";

startMsw();

function Count() {
  const { data } = useTraces({ limit: 3 });
  return <p>{data ? `${data.results.length} of more:${data.hasMore}` : "loading"}</p>;
}

describe("TraceLensProvider", () => {
  it("caches in the host's QueryClient when there is one", async () => {
    const host = new QueryClient();
    const client = createLocalClient({ traces: allTraces(), scope: "local:host" });
    render(
      <QueryClientProvider client={host}>
        <TraceLensProvider client={client}>
          <Count />
        </TraceLensProvider>
      </QueryClientProvider>,
    );
    await screen.findByText("3 of more:true");
    expect(host.getQueryData(traceKeys.list("local:host", { limit: 3 }))).toMatchObject({ limit: 3, offset: 0 });
  });

  it("creates its own QueryClient when the host has none", async () => {
    render(
      <TraceLensProvider client={createLocalClient({ traces: allTraces() })}>
        <Count />
      </TraceLensProvider>,
    );
    await screen.findByText("3 of more:true");
  });

  it("explains what is missing when a hook runs without a client", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => renderHook(() => useTraces())).toThrow(/TraceLensProvider/);
    errors.mockRestore();
  });

  it("lets a hook use an explicit client and QueryClient without a provider", async () => {
    const queryClient = new QueryClient();
    const client = createLocalClient({ traces: allTraces() });
    const { result } = renderHook(() => useTrace({ traceId: IDS.rag }, { client, queryClient }));
    await waitFor(() => expect(result.current.data?.id).toBe(IDS.rag));
  });

  it("keeps two clients' caches apart in one QueryClient", async () => {
    const queryClient = new QueryClient();
    const a = createLocalClient({ traces: allTraces().slice(0, 2) });
    const b = createLocalClient({ traces: allTraces().slice(0, 5) });
    await queryClient.fetchQuery(tracesQueryOptions(a));
    const fromB = await queryClient.fetchQuery(tracesQueryOptions(b));
    expect(fromB.results).toHaveLength(5);
  });
});

describe("useTraces and useTrace over the PostHog client and msw", () => {
  it("pages through traces and loads one trace", async () => {
    const h = harness();
    const wrapper = h.wrapper as (p: { children?: ReactNode }) => ReactNode;
    const page = renderHook(() => useTraces({ dateRange: { date_from: "all" }, limit: 4, offset: 4 }), { wrapper });
    await waitFor(() => expect(page.result.current.data?.results).toHaveLength(4));
    expect(page.result.current.data).toMatchObject({ hasMore: true, offset: 4 });
    // Two months old, with the row's time as the hint: one TraceQuery, in a window that holds it.
    const before = h.backend.stats.count("query");
    const one = renderHook(() => useTrace({ traceId: IDS.support }, { timestamp: "2025-06-02T09:14:00.840Z" }), { wrapper });
    await waitFor(() => expect(one.result.current.data?.traceName).toBe("support_chat"));
    expect(h.backend.stats.count("query") - before).toBe(1);
    const none = renderHook(() => useTrace({ traceId: "missing" }), { wrapper });
    await waitFor(() => expect(none.result.current.isSuccess).toBe(true));
    expect(none.result.current.data).toBeNull();
  });

  it("surfaces PostHog's 401 as a typed error", async () => {
    const h = harness({ auth: { required: true } });
    const { result } = renderHook(() => useTraces(), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: "ApiError", status: 401 });
  });

  it("authenticates with a session cookie instead of a key, as a logged-in browser does", async () => {
    harness({ auth: { required: true, sessionCookie: "sessionid" } });
    // jsdom's fetch keeps no cookie jar, so this fetch adds what the browser would send. (A Cookie
    // header given to the client is a credential in browser code, and refused.) Django also wants the
    // session's CSRF token on every POST (F-A9).
    const withCookieJar: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (init?.credentials === "include") headers.set("Cookie", "sessionid=abc; csrftoken=tok123");
      return fetch(input, { ...init, headers });
    };
    const client = createPostHogClient({ host: HOST, projectId: 1, credentials: "include", fetch: withCookieJar, headers: { "X-CSRFToken": "tok123" } });
    await expect(client.listTraces({ limit: 1 })).resolves.toMatchObject({ limit: 1 });
    const noCsrf = createPostHogClient({ host: HOST, projectId: 1, credentials: "include", retry: { retries: 0 }, fetch: withCookieJar });
    await expect(noCsrf.listTraces({ limit: 1 })).rejects.toMatchObject({ status: 403 });
    const anonymous = createPostHogClient({ host: HOST, projectId: 1, retry: { retries: 0 } });
    await expect(anonymous.listTraces({ limit: 1 })).rejects.toMatchObject({ status: 401 });
  });

  it("refuses a personal API key in a browser unless told it is safe", () => {
    expect(() => createPostHogClient({ host: HOST, projectId: 1, apiKey: "phx_abcdefgh" })).toThrow(/must not be used in a browser/);
    expect(() => createPostHogClient({ host: HOST, projectId: 1, apiKey: "phx_abcdefgh", dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it("aborts the request when the component unmounts mid-flight", async () => {
    const h = harness({ latencyMs: 150 });
    const view = renderHook(() => useTrace({ traceId: IDS.support }), { wrapper: h.wrapper });
    await waitFor(() => expect(h.backend.stats.inFlight).toBe(1));
    view.unmount();
    await waitFor(() => expect(h.signals.at(-1)?.aborted).toBe(true));
  });
});
