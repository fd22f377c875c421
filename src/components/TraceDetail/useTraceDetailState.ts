import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { flattenTraceTree, traceNodeAncestorKeys, type TraceNodeKind, type TraceTreeNode, type TraceTreeRow, type TraceTreeShape } from "../../core/trace";
import { useControllableState } from "../ui/useControllableState";
import { useSlicedJob } from "../ui/useSlicedJob";
import { allRowsOf } from "./traceDetailRows";
import { findSelectedNode, searchTraceSteps, selectionIdOf, type TraceSearchResult } from "./traceDetailModel";

const EMPTY: readonly string[] = [];
const NO_SEARCH: TraceSearchResult = { query: "", matches: new Set(), visible: new Set(), occurrences: 0 };

/** The selection, collapse and search props TraceDetailView hands to this hook (declared once, here). */
export interface TraceDetailStateProps {
  /** Selected event (controlled): an event id (`LLMTraceEvent.id`) or node key; `null` is the trace itself. */
  selectedEventId?: string | null;
  /** Initial selection when uncontrolled. @default null (the trace) */
  defaultSelectedEventId?: string | null;
  /** Called with the event id (`null` for a trace without its own event) and the node. */
  onSelectEvent?: (eventId: string | null, node: TraceTreeNode | null) => void;
  /** Collapsed node keys (controlled); a node key is `$ai_generation_id`/`$ai_span_id`, else the event id. */
  collapsedNodes?: readonly string[];
  /** Initially collapsed node keys. @default [] */
  defaultCollapsedNodes?: readonly string[];
  onCollapsedNodesChange?: (keys: string[]) => void;
  /** Search text (controlled). */
  search?: string;
  defaultSearch?: string;
  onSearchChange?: (search: string) => void;
  /** Event kinds whose tree rows start compact (type tag only). @default [] */
  defaultCompactKinds?: readonly TraceNodeKind[];
}

export interface TraceDetailStateOptions extends TraceDetailStateProps {
  /** The tree, or while a large one is being finished its shape (what rows, search and selection need). */
  tree: TraceTreeShape | null;
}

export interface TraceDetailState {
  selected: TraceTreeNode | null;
  /** The selection was set to an id this trace does not have (the root is shown instead). */
  selectionMissing: boolean;
  selectNode: (node: TraceTreeNode) => void;
  selectEvent: (eventId: string) => void;
  rows: TraceTreeRow[];
  setCollapsed: (keys: readonly string[], collapsed: boolean) => void;
  searchText: string;
  setSearchText: (value: string) => void;
  search: TraceSearchResult;
  /** A large trace's search is still running; `search` is the last finished one. */
  searchPending: boolean;
  compactKinds: ReadonlySet<TraceNodeKind>;
  setCompactKinds: (kinds: ReadonlySet<TraceNodeKind>) => void;
}

/** TraceDetail's controllable state: selection, collapsed nodes, search, and per-kind compact rows. */
export function useTraceDetailState(o: TraceDetailStateOptions): TraceDetailState {
  const { tree } = o;
  const [selectedId, setSelectedId] = useControllableState<string | null>(o.selectedEventId, o.defaultSelectedEventId ?? null);
  const [collapsedList, setCollapsedList] = useControllableState<readonly string[]>(o.collapsedNodes, o.defaultCollapsedNodes ?? EMPTY, o.onCollapsedNodesChange as (keys: readonly string[]) => void);
  const [searchText, setSearchText] = useControllableState<string>(o.search, o.defaultSearch ?? "", o.onSearchChange);
  const [compactKinds, setCompactKinds] = useState<ReadonlySet<TraceNodeKind>>(() => new Set(o.defaultCompactKinds ?? []));
  const deferredSearch = useDeferredValue(searchText);
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);
  // A large trace is searched in slices (its first search reads every event's contents); meanwhile the last
  // result stays on show, and clearing the search shows every row at once.
  const searching = useSlicedJob(() => (tree && deferredSearch.trim() ? searchTraceSteps(tree, deferredSearch) : null), [tree, deferredSearch], tree ? tree.nodesByKey.size : 0);
  const search = searching.value ?? NO_SEARCH;
  const rows = useMemo(
    () => {
      if (!tree || (search.query && search.matches.size === 0)) return [];
      if (!search.query && collapsed.size === 0) return allRowsOf(tree);
      return flattenTraceTree(tree, collapsed, search.query ? { filter: (node) => search.visible.has(node.key) } : {});
    },
    [tree, collapsed, search],
  );

  // A search opens the collapsed nodes that hide a match.
  useEffect(() => {
    if (!search.query) return;
    if (collapsedList.some((key) => search.visible.has(key))) setCollapsedList((current) => current.filter((key) => !search.visible.has(key)));
    // Only when the result changes, so the user can collapse again while searching.
  }, [search]);

  const found = tree ? findSelectedNode(tree, selectedId) : null;
  const onSelectEvent = o.onSelectEvent;
  const selectNode = useCallback(
    (node: TraceTreeNode) => {
      if (!tree) return;
      const hidden = traceNodeAncestorKeys(tree, node.key).filter((key) => collapsed.has(key));
      if (hidden.length) setCollapsedList((current) => current.filter((key) => !hidden.includes(key)));
      const id = selectionIdOf(node, tree);
      setSelectedId(id);
      onSelectEvent?.(id, node);
    },
    [tree, collapsed, setCollapsedList, setSelectedId, onSelectEvent],
  );
  const selectEvent = useCallback(
    (eventId: string) => {
      if (!tree) return;
      const { node, found: ok } = findSelectedNode(tree, eventId);
      if (ok) selectNode(node);
    },
    [tree, selectNode],
  );
  const setCollapsed = useCallback(
    (keys: readonly string[], value: boolean) =>
      setCollapsedList((current) => {
        const next = new Set(current);
        for (const key of keys) {
          if (value) next.add(key);
          else next.delete(key);
        }
        return [...next];
      }),
    [setCollapsedList],
  );

  return {
    selected: found?.node ?? null,
    selectionMissing: found ? !found.found : false,
    selectNode,
    selectEvent,
    rows,
    setCollapsed,
    searchText,
    setSearchText,
    search,
    searchPending: searching.pending,
    compactKinds,
    setCompactKinds,
  };
}
