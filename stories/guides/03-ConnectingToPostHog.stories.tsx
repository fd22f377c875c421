/**
 * The runnable example of the "Connecting to PostHog safely" guide. The browser half is what a host
 * ships: createPostHogClient pointed at its own backend, with no key. The other two halves run in the
 * page too, so the gallery stays offline: `yourBackend` stands in for the host's proxy route (session
 * check, path allowlist, key added there), and the mock PostHog backend from `tracelens/msw` stands in
 * for PostHog, refusing any request without the right personal API key.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useRef, useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { TraceLensProvider, TracesTable, createPostHogClient, type TraceLensClient } from "../../src/all";
import { createPostHogMockBackend } from "../../src/msw";
import { FIXTURE_NOW, fixtureTraces, keywordClassifier } from "../fixtures/tableFixtures";

const PROJECT_ID = 12345;
/** Server-side only, in a real app: an environment variable of the proxy. */
const SERVER_KEY = "phx_demo_key_held_by_the_server";
const CSRF_TOKEN = "csrf-demo-token";
const ALLOWED = /^api\/environments\/12345\/(query|llm_analytics\/(sentiment|text_repr|summarization(\/batch_check)?|evaluation_summary))\/$/;

interface LogEntry {
  path: string;
  status: number;
  keyFromBrowser: boolean;
}

/** PostHog (mocked) behind the host's proxy route, both in the page; every request is logged. */
function makeBackend(log: (entry: LogEntry) => void) {
  const posthog = createPostHogMockBackend({
    traces: fixtureTraces.slice(0, 8),
    classifier: keywordClassifier(),
    projectId: PROJECT_ID,
    auth: { required: true, apiKeys: [SERVER_KEY] },
    // The fixtures' "today", so the table's default 7 days hold them.
    now: () => FIXTURE_NOW,
  });
  return async function yourBackend(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/^\/posthog\//, "");
    const keyFromBrowser = request.headers.has("Authorization");
    const signedIn = request.headers.get("X-CSRF-Token") === CSRF_TOKEN; // your session check
    let response: Response;
    if (!signedIn || !ALLOWED.test(path)) {
      response = new Response("Forbidden", { status: 403 });
    } else {
      const outcome = await posthog.handle(
        new Request(`https://us.posthog.com/${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${SERVER_KEY}` },
          body: await request.text(),
        }),
      );
      response = outcome.type === "response" ? outcome.response : new Response("Bad gateway", { status: 502 });
    }
    log({ path: `/posthog/${path}`, status: response.status, keyFromBrowser });
    return response;
  };
}

function ProxiedTraces() {
  const [log, setLog] = useState<LogEntry[]>([]);
  const backend = useRef<(request: Request) => Promise<Response>>(undefined);
  backend.current ??= makeBackend((entry) => setLog((entries) => [...entries, entry]));
  const [client] = useState<TraceLensClient>(() =>
    createPostHogClient({
      host: "/posthog",
      projectId: PROJECT_ID,
      credentials: "same-origin",
      headers: () => ({ "X-CSRF-Token": CSRF_TOKEN }),
      // Only because the "network" here is in the page; a host leaves `fetch` out.
      fetch: (input, init) => backend.current!(new Request(input, init)),
      retry: { retries: 0 },
    }),
  );
  const tryForbidden = () => {
    void backend.current!(new Request("/posthog/api/projects/12345/persons/", { method: "POST", headers: { "X-CSRF-Token": CSRF_TOKEN }, body: "{}" }));
  };
  return (
    <TraceLensProvider client={client}>
      <div style={{ display: "grid", gap: 12 }}>
        <TracesTable query={{ dateRange: { date_from: "-30d" } }} height={240} now={FIXTURE_NOW} defaultColumnVisibility={{ output: false, person: false }} />
        <section aria-label="Requests" style={{ fontSize: 12, display: "grid", gap: 6 }}>
          <div style={{ display: "flex", gap: 12, alignItems: "center" }}>
            <strong>Requests your backend received</strong>
            <button type="button" onClick={tryForbidden}>
              Try a path outside the allowlist
            </button>
          </div>
          <ol aria-label="Request log" style={{ margin: 0, paddingLeft: 18, fontFamily: "var(--tl-font-mono)" }}>
            {log.map((entry, i) => (
              <li key={i} data-status={entry.status}>
                POST {entry.path} → {entry.status}
                {entry.keyFromBrowser ? " (the browser sent a key!)" : ""}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </TraceLensProvider>
  );
}

const meta = {
  title: "Guides/Examples/Connecting to PostHog",
  component: ProxiedTraces,
  tags: ["!dev", "!autodocs"],
} satisfies Meta<typeof ProxiedTraces>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Traces and sentiment arrive through the proxy; the browser never holds the key; other paths get 403. */
export const ThroughYourBackend: Story = {
  name: "Through your backend",
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("support_chat", {}, { timeout: 15_000 });
    await waitFor(() => expect(canvas.getAllByRole("img", { name: /^Negative/ }).length).toBeGreaterThan(0));
    const entries = () => within(canvas.getByRole("list", { name: "Request log" })).queryAllByRole("listitem");
    await expect(entries().some((li) => /query\/ → 200$/.test(li.textContent ?? ""))).toBe(true);
    await expect(entries().some((li) => /sentiment\/ → 200$/.test(li.textContent ?? ""))).toBe(true);
    await expect(entries().every((li) => !/sent a key/.test(li.textContent ?? ""))).toBe(true);
    await userEvent.click(canvas.getByRole("button", { name: "Try a path outside the allowlist" }));
    await waitFor(() => expect(entries().at(-1)).toHaveTextContent("POST /posthog/api/projects/12345/persons/ → 403"));
  },
};
