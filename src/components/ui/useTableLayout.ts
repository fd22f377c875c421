import { useCallback, useMemo, useRef } from "react";
import { useControllableState } from "./useControllableState";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";

/** What a table remembers about its columns. */
export interface TableLayout {
  columnVisibility: Record<string, boolean>;
  columnOrder: string[];
}

const VERSION = 1;

function storage(): Storage | null {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The layout saved under `key`, or null when there is none or it cannot be read. */
export function readTableLayout(key: string): Partial<TableLayout> | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { v?: unknown; columnVisibility?: unknown; columnOrder?: unknown };
    if (!parsed || typeof parsed !== "object" || parsed.v !== VERSION) return null;
    const layout: Partial<TableLayout> = {};
    if (parsed.columnVisibility && typeof parsed.columnVisibility === "object" && !Array.isArray(parsed.columnVisibility)) {
      const visibility: Record<string, boolean> = {};
      for (const [id, shown] of Object.entries(parsed.columnVisibility)) if (typeof shown === "boolean") visibility[id] = shown;
      layout.columnVisibility = visibility;
    }
    if (Array.isArray(parsed.columnOrder)) layout.columnOrder = parsed.columnOrder.filter((id): id is string => typeof id === "string");
    return layout;
  } catch {
    return null;
  }
}

export function writeTableLayout(key: string, layout: TableLayout): void {
  try {
    storage()?.setItem(key, JSON.stringify({ v: VERSION, ...layout }));
  } catch {
    // Storage full or blocked: the layout still works for this session.
  }
}

/** Every known column exactly once: the given order first (unknown ids dropped), then the rest in default order. */
export function completeColumnOrder(order: readonly string[], ids: readonly string[]): string[] {
  const known = new Set(ids);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of order) {
    if (known.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  for (const id of ids) if (!seen.has(id)) out.push(id);
  return out;
}

export interface UseTableLayoutOptions {
  columnIds: readonly string[];
  columnVisibility?: Record<string, boolean>;
  defaultColumnVisibility?: Record<string, boolean>;
  onColumnVisibilityChange?: (next: Record<string, boolean>) => void;
  columnOrder?: string[];
  defaultColumnOrder?: string[];
  onColumnOrderChange?: (next: string[]) => void;
  /** localStorage key; when set, the layout is restored on mount and saved on every change. */
  persistKey?: string;
}

/** Column visibility and order: controllable, optionally persisted, and always covering every column. */
export function useTableLayout(options: UseTableLayoutOptions) {
  const { columnIds, persistKey } = options;
  const defaults = useRef({ visibility: options.defaultColumnVisibility ?? {}, order: options.defaultColumnOrder ?? [] });
  const [visibility, setVisibility] = useControllableState(
    options.columnVisibility,
    () => defaults.current.visibility,
    options.onColumnVisibilityChange,
  );
  const [rawOrder, setOrder] = useControllableState(options.columnOrder, () => defaults.current.order, options.onColumnOrderChange);
  const order = useMemo(() => completeColumnOrder(rawOrder, columnIds), [rawOrder, columnIds]);

  const restored = useRef(false);
  const controlledVisibility = options.columnVisibility !== undefined;
  const controlledOrder = options.columnOrder !== undefined;
  // After mount, not during render: the server and the first client render agree, then storage applies.
  useIsomorphicLayoutEffect(() => {
    if (restored.current) return;
    restored.current = true;
    if (!persistKey) return;
    const saved = readTableLayout(persistKey);
    if (!saved) return;
    if (saved.columnVisibility && !controlledVisibility) setVisibility(saved.columnVisibility);
    if (saved.columnOrder && !controlledOrder) setOrder(saved.columnOrder);
  }, []);

  // Saved where a change is made, never from an effect: an effect would also see pre-restore defaults.
  const latest = useRef({ visibility, order });
  latest.current = { visibility, order };
  const save = useCallback(
    (layout: TableLayout) => {
      if (persistKey) writeTableLayout(persistKey, layout);
    },
    [persistKey],
  );
  const changeVisibility = useCallback(
    (next: Record<string, boolean> | ((previous: Record<string, boolean>) => Record<string, boolean>)) => {
      const value = typeof next === "function" ? next(latest.current.visibility) : next;
      setVisibility(value);
      save({ columnVisibility: value, columnOrder: latest.current.order });
    },
    [setVisibility, save],
  );
  const changeOrder = useCallback(
    (next: string[] | ((previous: string[]) => string[])) => {
      const value = typeof next === "function" ? next(latest.current.order) : next;
      setOrder(value);
      save({ columnVisibility: latest.current.visibility, columnOrder: value });
    },
    [setOrder, save],
  );

  const reset = useCallback(() => {
    const order = defaults.current.order.length ? defaults.current.order : [...columnIds];
    setVisibility(defaults.current.visibility);
    setOrder(order);
    save({ columnVisibility: defaults.current.visibility, columnOrder: completeColumnOrder(order, columnIds) });
  }, [setVisibility, setOrder, save, columnIds]);

  return { visibility, setVisibility: changeVisibility, order, setOrder: changeOrder, reset };
}
