import { render, renderHook, screen, waitFor } from "@testing-library/react";
import { Component, type ReactNode } from "react";
import { finishJob, runJob, type SlicedJob } from "../../src/components/ui/slicedJob";
import { SYNC_JOB_LIMIT, useSlicedJob } from "../../src/components/ui/useSlicedJob";

/** Longer than the hook's 40 ms first slice, so any job of two or more steps cannot finish during render. */
const STEP_MS = 45;
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/** Sums `values`, one slow step per value. */
function* slowSum(values: readonly number[], log?: string[]): SlicedJob<number> {
  let sum = 0;
  for (const v of values) {
    busy(STEP_MS);
    sum += v;
    log?.push(`step ${v}`);
    yield;
  }
  return sum;
}

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{String(this.state.error)}</p> : this.props.children;
  }
}

describe("runJob and finishJob", () => {
  it("stop at the deadline between steps and resume where they stopped", () => {
    const log: string[] = [];
    const job = slowSum([1, 2, 3], log);
    expect(runJob(job, performance.now() + 1)).toEqual({ done: false });
    expect(log).toEqual(["step 1"]);
    expect(runJob(job, Infinity)).toEqual({ done: true, value: 6 });
    expect(log).toEqual(["step 1", "step 2", "step 3"]);
    expect(finishJob(slowSum([4]))).toBe(4);
  });
});

describe("useSlicedJob", () => {
  it("computes small inputs during render, however slow each step", () => {
    const { result } = renderHook(() => useSlicedJob(() => slowSum([1, 2, 3]), [], SYNC_JOB_LIMIT));
    expect(result.current).toEqual({ value: 6, pending: false });
  });

  it("finishes large inputs in later tasks, keeping the last finished value on show while new inputs are worked on", async () => {
    const log: string[] = [];
    const { result, rerender } = renderHook(({ values }) => useSlicedJob(() => slowSum(values, log), [values], SYNC_JOB_LIMIT + 1), {
      initialProps: { values: [1, 2, 3] },
    });
    expect(result.current).toEqual({ value: undefined, pending: true });
    await waitFor(() => expect(result.current).toEqual({ value: 6, pending: false }));
    expect(log).toEqual(["step 1", "step 2", "step 3"]);

    rerender({ values: [10, 20] });
    expect(result.current).toEqual({ value: 6, pending: true });
    await waitFor(() => expect(result.current).toEqual({ value: 30, pending: false }));
  });

  it("with afterPaint, runs nothing during render beyond the limit and still finishes; small inputs stay synchronous", async () => {
    const log: string[] = [];
    const { result } = renderHook(() => useSlicedJob(() => slowSum([1, 2], log), [], SYNC_JOB_LIMIT + 1, { afterPaint: true }));
    expect(result.current).toEqual({ value: undefined, pending: true });
    expect(log).toEqual([]);
    await waitFor(() => expect(result.current).toEqual({ value: 3, pending: false }));
    const small = renderHook(() => useSlicedJob(() => slowSum([4, 5]), [], SYNC_JOB_LIMIT, { afterPaint: true }));
    expect(small.result.current).toEqual({ value: 9, pending: false });
  });

  it("with inRenderUpTo, starts nothing during render beyond it, and starts within render up to it", async () => {
    const log: string[] = [];
    const big = renderHook(() => useSlicedJob(() => slowSum([1, 2], log), [], SYNC_JOB_LIMIT + 10, { inRenderUpTo: SYNC_JOB_LIMIT + 5 }));
    expect(log).toEqual([]);
    await waitFor(() => expect(big.result.current).toEqual({ value: 3, pending: false }));
    const within = renderHook(() => useSlicedJob(() => slowSum([7], log), [], SYNC_JOB_LIMIT + 10, { inRenderUpTo: SYNC_JOB_LIMIT + 10 }));
    expect(log).toContain("step 7");
    await waitFor(() => expect(within.result.current).toEqual({ value: 7, pending: false }));
  });

  it("is idle when there is nothing to compute", () => {
    const { result } = renderHook(() => useSlicedJob(() => null, [], 10));
    expect(result.current).toEqual({ value: undefined, pending: false });
  });

  it("stops a superseded job: its remaining steps never run", async () => {
    const log: string[] = [];
    const { result, rerender } = renderHook(({ values }) => useSlicedJob(() => slowSum(values, log), [values], SYNC_JOB_LIMIT + 1), {
      initialProps: { values: [1, 2, 3, 4, 5, 6] },
    });
    rerender({ values: [100, 200] });
    await waitFor(() => expect(result.current).toEqual({ value: 300, pending: false }));
    // The first job ran its first step during render, and at most one more slice before it was replaced.
    expect(log.filter((l) => !l.startsWith("step 100") && !l.startsWith("step 200")).length).toBeLessThan(6);
  });

  it("throws a failing job's error in render, where an error boundary catches it", async () => {
    function* failing(): SlicedJob<number> {
      busy(STEP_MS);
      yield;
      throw new Error("bad input");
    }
    function Sum() {
      const { value } = useSlicedJob(failing, [], SYNC_JOB_LIMIT + 1);
      return <p>sum {String(value)}</p>;
    }
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(
        <Boundary>
          <Sum />
        </Boundary>,
      );
      expect(screen.getByText("sum undefined")).toBeInTheDocument();
      expect(await screen.findByRole("alert")).toHaveTextContent("bad input");
    } finally {
      quiet.mockRestore();
    }
  });
});
