"use client";
import { startTransition, useEffect, useState, useSyncExternalStore } from "react";

type BodyModule = typeof import("./markdownBody");

let loaded: BodyModule | null = null;
let loading: Promise<BodyModule> | null = null;

function load(): Promise<BodyModule> {
  loading ??= import("./markdownBody").then(
    (module) => (loaded = module),
    (error: unknown) => {
      // A chunk that failed to load (offline, a redeploy) is tried again by the next SafeMarkdown.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Starts loading SafeMarkdown's parser chunk now (markdown-it and the renderer), so the first
 * SafeMarkdown draws formatted at once. Optional: SafeMarkdown loads it on first use anyway.
 */
export function preloadSafeMarkdown(): Promise<void> {
  return load().then(() => undefined);
}

const noSubscription = () => () => {};

/**
 * The formatted-body module once loaded; null before (and on the server, and while hydrating, so the
 * first client render matches the server's plain text). Its arrival re-renders in a transition.
 */
export function useMarkdownBody(): BodyModule | null {
  const hydrating = useSyncExternalStore(noSubscription, () => false, () => true);
  const [module, setModule] = useState<BodyModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    load().then(
      (arrived) => live && startTransition(() => setModule(arrived)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [module]);
  return hydrating ? null : module;
}
