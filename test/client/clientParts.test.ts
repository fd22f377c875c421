// @vitest-environment node
/** The client's small parts: backoff, Retry-After, the limiter, redaction, hierarchy building, filters. */
import fc from "fast-check";
import { chunk, uniqueIds } from "../../src/client/clientChunk";
import { createLimiter } from "../../src/client/clientConcurrency";
import { ApiError, errorBodySummary, redactSecrets } from "../../src/client/clientErrors";
import { toPipelineOutput } from "../../src/client/clientLocalClassify";
import { inDateRange, matchesOperator, parsePostHogDate } from "../../src/client/clientLocalFilters";
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from "../../src/client/clientRetry";
import { eventToTextReprData, traceToTextReprData } from "../../src/client/clientTraceData";
import { eventTextReprInput, traceTextReprInput } from "../../src/core";

describe("backoff and Retry-After", () => {
  it("keeps every delay within [step/2, step] of a doubling step capped at maxDelayMs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, r) => {
        const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 5000, random: () => r });
        const step = Math.min(5000, 100 * 2 ** retry);
        const delay = backoffDelay(retry, policy);
        return delay >= step / 2 && delay <= step;
      }),
    );
  });

  it("reads delta-seconds and HTTP dates, and ignores garbage", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter(new Date(10_000 + 7000).toUTCString(), 10_000)).toBe(7000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
    // Negative and bare-number-like texts are not delay-seconds, though Date.parse reads "-5" as a year.
    expect(parseRetryAfter("-5")).toBeNull();
    expect(parseRetryAfter("-1")).toBeNull();
    expect(parseRetryAfter("1e3")).toBeNull();
    expect(parseRetryAfter("")).toBeNull();
    // An HTTP date in the past means "now".
    expect(parseRetryAfter(new Date(5_000).toUTCString(), 10_000)).toBe(0);
  });

  it("falls back to defaults for nonsense policies", () => {
    expect(resolveRetryPolicy({ retries: -1, baseDelayMs: Number.NaN })).toMatchObject({ retries: 3, baseDelayMs: 500, retryTimeouts: false });
  });
});

describe("createLimiter", () => {
  it("grants in order, never beyond the limit, and drops aborted waiters", async () => {
    const limiter = createLimiter(2);
    const order: number[] = [];
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const c = limiter.acquire().then((release) => {
      order.push(3);
      return release;
    });
    expect(limiter.pending).toBe(2);
    controller.abort(new Error("gone"));
    await expect(aborted).rejects.toThrow("gone");
    expect(limiter.pending).toBe(1);
    a();
    a(); // a second release must not free a second slot
    const releaseC = await c;
    expect(order).toEqual([3]);
    expect(limiter.active).toBe(2);
    b();
    releaseC();
    expect(limiter.active).toBe(0);
  });
});

describe("errors", () => {
  it("summarizes every PostHog error body shape", () => {
    expect(errorBodySummary({ error: "Failed to generate summary", detail: "An error occurred" })).toBe("Failed to generate summary: An error occurred");
    expect(errorBodySummary({ detail: "Not found." })).toBe("Not found.");
    expect(errorBodySummary({ ids: ["Ensure this field has no more than 5 elements."] })).toBe("ids: Ensure this field has no more than 5 elements.");
    expect(errorBodySummary({ non_field_errors: ["Provide either 'data' or a trace_id/generation_id."] })).toBe("Provide either 'data' or a trace_id/generation_id.");
    expect(errorBodySummary(["Trace events require an ID"])).toBe("Trace events require an ID");
    expect(new ApiError({ kind: "http", status: 429, path: "/x/", body: { detail: "slow down" }, attempts: 4 }).message).toBe("POST /x/ failed with 429: slow down after 4 attempts");
  });

  it("redacts secrets and key-shaped tokens deeply without touching prototypes", () => {
    const body = JSON.parse('{"a": ["my key is s3cr3t-value"], "__proto__": {"polluted": "phx_abcdefghij"}}') as unknown;
    const clean = redactSecrets(body, ["s3cr3t-value"]) as Record<string, unknown>;
    expect(JSON.stringify(clean)).toBe('{"a":["my key is [redacted]"],"__proto__":{"polluted":"[redacted]"}}');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("knows which failures are worth retrying", () => {
    const http = (status: number) => new ApiError({ kind: "http", status });
    expect([429, 500, 502, 503].map((s) => http(s).retryable)).toEqual([true, true, true, true]);
    expect([400, 401, 403, 404].map((s) => http(s).retryable)).toEqual([false, false, false, false]);
    expect(new ApiError({ kind: "network", status: 0 }).retryable).toBe(true);
    expect(new ApiError({ kind: "parse", status: 200 }).retryable).toBe(false);
  });
});

describe("chunking", () => {
  it("dedupes and chunks without losing or reordering ids", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 })), fc.integer({ min: 1, max: 7 }), (ids, size) => {
        const unique = uniqueIds(ids);
        const parts = chunk(unique, size);
        return parts.every((p) => p.length <= size && p.length > 0) && parts.flat().join("\u0000") === unique.join("\u0000");
      }),
    );
  });
});

describe("traceToTextReprData", () => {
  // The conversion itself is core's and tested in test/core/textReprInput.test.ts; the client keeps its old names.
  it("is core's traceTextReprInput under its older name", () => {
    expect(traceToTextReprData).toBe(traceTextReprInput);
    expect(eventToTextReprData).toBe(eventTextReprInput);
  });
});

describe("classifier outputs", () => {
  it("turns scored results into pipeline form that keeps the classifier's label on ties", () => {
    expect(toPipelineOutput({ label: "neutral", scores: { positive: 0.4, neutral: 0.4, negative: 0.2 } })).toEqual([
      { label: "neutral", score: 0.4 },
      { label: "positive", score: 0.4 },
      { label: "negative", score: 0.2 },
    ]);
    expect(toPipelineOutput([{ label: "negative", score: 1 }])).toEqual([{ label: "negative", score: 1 }]);
    expect(toPipelineOutput({ positive: 0.1, neutral: 0.3, negative: 0.6 })).toEqual([
      { label: "negative", score: 0.6 },
      { label: "neutral", score: 0.3 },
      { label: "positive", score: 0.1 },
    ]);
    expect(toPipelineOutput("nope")).toBeNull();
    expect(toPipelineOutput({ label: "positive" })).toBeNull();
  });
});

describe("PostHog dates and operators", () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);
  it("reads relative, named and absolute dates", () => {
    expect(parsePostHogDate("-7d", now, "from")).toBe(now - 7 * 86_400_000);
    expect(parsePostHogDate("-24h", now, "from")).toBe(now - 86_400_000);
    expect(parsePostHogDate("dStart", now, "from")).toBe(Date.UTC(2026, 0, 15));
    expect(parsePostHogDate("mStart", now, "from")).toBe(Date.UTC(2026, 0, 1));
    expect(parsePostHogDate("2026-01-10", now, "to")).toBe(Date.UTC(2026, 0, 11) - 1);
    expect(parsePostHogDate("2026-01-10T05:00:00", now, "from")).toBe(Date.UTC(2026, 0, 10, 5));
    expect(parsePostHogDate("all", now, "from")).toBeNull();
    expect(inDateRange(now - 3 * 86_400_000, { date_from: "-2d" }, now)).toBe(false);
    expect(inDateRange(null, undefined, now)).toBe(true);
  });

  it("evaluates PostHog's property operators", () => {
    expect(matchesOperator("gpt-4o", "exact", ["gpt-4o", "x"])).toBe(true);
    expect(matchesOperator(undefined, "is_not", "x")).toBe(true);
    expect(matchesOperator("Hello", "icontains", "ELL")).toBe(true);
    expect(matchesOperator("abc", "regex", "^a.c$")).toBe(true);
    // ClickHouse cannot compile the pattern, so PostHog fails the query: a 400, not an empty list.
    expect(() => matchesOperator("abc", "regex", "(")).toThrow(ApiError);
    expect(matchesOperator("12", "gt", 3)).toBe(true);
    expect(matchesOperator(null, "is_set", true)).toBe(false);
    expect(() => matchesOperator(1, "between", 2)).toThrow(ApiError);
  });
});
