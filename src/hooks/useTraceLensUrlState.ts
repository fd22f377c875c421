"use client";
import { useCallback, useMemo, useRef, useSyncExternalStore } from "react";
import { urlStateFromSearchParams, urlStateToSearchParams, type TraceLensUrlState, type UrlStateOptions } from "../core/urlState";

/**
 * Where the URL state lives. Plain `history` by default; a host router plugs in with two functions:
 * `read` (the current query string) and `write` (go to one), plus `subscribe` when the router does not
 * re-render the host on navigation itself.
 */
export interface UrlStateAdapter {
  read: () => string;
  write: (search: string, options: { replace: boolean }) => void;
  subscribe?: (onChange: () => void) => () => void;
}

const HISTORY_EVENT = "tracelens:urlstate";

/** The browser's own history: pushState/replaceState, and back/forward through `popstate`. */
export function historyUrlAdapter(): UrlStateAdapter {
  return {
    read: () => (typeof window === "undefined" ? "" : window.location.search),
    write: (search, { replace }) => {
      if (typeof window === "undefined") return;
      const url = `${window.location.pathname}${search ? `?${search.replace(/^\?/, "")}` : ""}${window.location.hash}`;
      if (replace) window.history.replaceState(window.history.state, "", url);
      else window.history.pushState(window.history.state, "", url);
      // pushState fires no event; other hooks on the page (other embeds) hear this one.
      window.dispatchEvent(new Event(HISTORY_EVENT));
    },
    subscribe: (onChange) => {
      if (typeof window === "undefined") return () => undefined;
      window.addEventListener("popstate", onChange);
      window.addEventListener(HISTORY_EVENT, onChange);
      return () => {
        window.removeEventListener("popstate", onChange);
        window.removeEventListener(HISTORY_EVENT, onChange);
      };
    },
  };
}

const DEFAULT_ADAPTER = historyUrlAdapter();
const NO_SUBSCRIBE = () => () => undefined;

export interface UseTraceLensUrlStateOptions extends UrlStateOptions {
  /** @default the browser's history */
  adapter?: UrlStateAdapter;
}

export type UrlStateUpdate = Partial<TraceLensUrlState> | ((previous: TraceLensUrlState) => Partial<TraceLensUrlState>);

/**
 * The open trace, event, tab, line, in-trace search, session and filters, kept in the URL so every view
 * can be linked and the back button works. Changes push a history entry unless `{ replace: true }`
 * (typing in a search box should replace). The host's other query parameters are kept.
 *
 * @example
 * const [url, setUrl] = useTraceLensUrlState({ prefix: "tl_" });
 * <TracesTable onTraceClick={(traceId) => setUrl({ trace: traceId, event: null })} />
 */
export function useTraceLensUrlState(
  options: UseTraceLensUrlStateOptions = {},
): [TraceLensUrlState, (update: UrlStateUpdate, how?: { replace?: boolean }) => void] {
  const adapter = options.adapter ?? DEFAULT_ADAPTER;
  const search = useSyncExternalStore(adapter.subscribe ?? NO_SUBSCRIBE, adapter.read, () => "");
  const { prefix, defaults } = options;
  const state = useMemo(() => urlStateFromSearchParams(search, { prefix, defaults }), [search, prefix, defaults]);
  const latest = useRef({ adapter, prefix, defaults });
  latest.current = { adapter, prefix, defaults };
  const update = useCallback((change: UrlStateUpdate, how: { replace?: boolean } = {}) => {
    const { adapter: current, prefix: p, defaults: d } = latest.current;
    const now = current.read();
    const previous = urlStateFromSearchParams(now, { prefix: p, defaults: d });
    const patch = typeof change === "function" ? change(previous) : change;
    const next = urlStateToSearchParams({ ...previous, ...patch }, { prefix: p, defaults: d }, now.replace(/^\?/, "")).toString();
    if (next === now.replace(/^\?/, "")) return;
    current.write(next, { replace: how.replace === true });
  }, []);
  return [state, update];
}
