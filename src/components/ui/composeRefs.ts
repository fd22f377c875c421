import { useCallback, type Ref, type RefCallback } from "react";

/**
 * Anything that can be handed a node: a callback ref, a ref object (a forwarded ref, or a tooltip's
 * trigger ref typed for a wider element), or nothing.
 */
export type RefTarget<T> = Ref<T> | RefCallback<T> | { current: unknown } | null | undefined;

function assign<T>(ref: RefTarget<T>, node: T | null): void {
  if (typeof ref === "function") ref(node);
  else if (ref) ref.current = node;
}

/** A component's own ref and the one it was given, as one callback ref that stays the same while they do. */
export function useComposedRefs<T>(own: RefTarget<T>, forwarded: RefTarget<T>): RefCallback<T> {
  return useCallback((node: T | null) => {
    assign(own, node);
    assign(forwarded, node);
  }, [own, forwarded]);
}
