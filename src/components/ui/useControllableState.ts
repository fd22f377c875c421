import { useCallback, useRef, useState } from "react";

/**
 * State a host may own: controlled while `value` is not `undefined` (so `null` can be a real value),
 * kept internally otherwise. `onChange` fires for every change request in both modes.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T | (() => T),
  onChange?: (next: T) => void,
): [T, (next: T | ((previous: T) => T)) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? (value as T) : own;
  // Functional updates read the newest value even between renders.
  const latest = useRef(current);
  latest.current = current;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const controlledRef = useRef(controlled);
  controlledRef.current = controlled;

  const set = useCallback((next: T | ((previous: T) => T)) => {
    const resolved = typeof next === "function" ? (next as (previous: T) => T)(latest.current) : next;
    if (Object.is(resolved, latest.current)) return;
    latest.current = resolved;
    if (!controlledRef.current) setOwn(resolved);
    onChangeRef.current?.(resolved);
  }, []);
  return [current, set];
}
