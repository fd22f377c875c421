// useLocalSentiment over a scripted classifier: status and progress through useSyncExternalStore,
// one classification per distinct input, abort on unmount, and disposal of a hook-owned classifier.
import { StrictMode } from "react";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { MessageSentiment } from "../../src/core/sentiment";
import { useLocalSentiment, type ClassifyOptions, type ModelInfo, type SentimentClassifier } from "../../src/inference";
import { createStatusStore } from "../../src/inference/statusStore";

const MODEL: ModelInfo = { name: "m", labels: ["negative", "neutral", "positive"], scoreFunction: "softmax", maxTokens: 8, inputNames: ["input_ids"], runtime: "in-process" };

function scripted() {
  const store = createStatusStore();
  const calls: Array<{ input: unknown; signal?: AbortSignal; resolve: (value: Record<string, MessageSentiment>) => void }> = [];
  const classifier: SentimentClassifier & { disposed: number } = {
    disposed: 0,
    getStatus: store.getStatus,
    subscribe: store.subscribe,
    load: async () => MODEL,
    classify: async () => [],
    classifyInput: (input: unknown, options?: ClassifyOptions) =>
      new Promise((resolve) => calls.push({ input, signal: options?.signal, resolve })),
    dispose: async () => {
      classifier.disposed++;
    },
  };
  return { classifier, store, calls };
}

const happy: MessageSentiment = { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.08, negative: 0.02 }, text: "great" };

describe("useLocalSentiment", () => {
  it("re-renders on status and progress changes of the classifier", () => {
    const { classifier, store } = scripted();
    const { result } = renderHook(() => useLocalSentiment({ classifier }));
    expect(result.current.status.state).toBe("idle");
    act(() => {
      store.loading();
      store.progress({ status: "progress_total", name: "m", progress: 25, loaded: 25, total: 100, files: { "onnx/model.onnx": { loaded: 25, total: 100 } } });
    });
    expect(result.current.status).toMatchObject({ state: "loading", progress: { progress: 25, loaded: 25, total: 100 } });
    act(() => store.ready(MODEL));
    expect(result.current.status).toMatchObject({ state: "ready", progress: { progress: 100 } });
    expect(result.current.classifier).toBe(classifier);
  });

  it("classifies an input once per distinct content and builds PostHog's generation result", async () => {
    const { classifier, calls } = scripted();
    const input = [{ role: "user", content: "great" }];
    const { result, rerender } = renderHook(({ value }) => useLocalSentiment({ classifier, input: value }), { initialProps: { value: input } });
    expect(result.current.state).toBe("classifying");
    rerender({ value: [{ role: "user", content: "great" }] }); // same content, new array
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]!.resolve({ 0: happy }));
    expect(result.current.state).toBe("done");
    expect(result.current.messages).toEqual({ 0: happy });
    expect(result.current.generation).toMatchObject({ label: "positive", message_count: 1, scores: { positive: 0.9, neutral: 0.08, negative: 0.02 } });
    rerender({ value: [{ role: "user", content: "changed" }] });
    expect(calls).toHaveLength(2);
  });

  it("aborts an unfinished classification when the component unmounts, and holds back when disabled", () => {
    const { classifier, calls } = scripted();
    const { unmount } = renderHook(() => useLocalSentiment({ classifier, input: "hello" }));
    expect(calls[0]!.signal!.aborted).toBe(false);
    unmount();
    expect(calls[0]!.signal!.aborted).toBe(true);
    renderHook(() => useLocalSentiment({ classifier, input: "hello", enabled: false }));
    expect(calls).toHaveLength(1);
  });

  it("reports a failed classification as an error state", async () => {
    const { classifier } = scripted();
    classifier.classifyInput = () => Promise.reject(new Error("no model"));
    const { result } = renderHook(() => useLocalSentiment({ classifier, input: "x" }));
    await waitFor(() => expect(result.current.state).toBe("error"));
    expect(result.current.error?.message).toBe("no model");
  });

  it("renders progress for a real, hook-owned classifier and survives StrictMode", async () => {
    function Status() {
      const { status } = useLocalSentiment({ model: "/no/such/model", preload: true });
      return <p>{status.state}</p>;
    }
    render(
      <StrictMode>
        <Status />
      </StrictMode>,
    );
    // The StrictMode remount must not have disposed the classifier: it goes on to report its load.
    await screen.findByText("error");
  });
});
