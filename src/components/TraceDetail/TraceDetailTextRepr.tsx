import { useEffect, useMemo, useState } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { TextReprResult } from "../../core/textRepr";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { TextReprView } from "../TextReprView";
import type { TextReprLineSelection } from "../TextReprView";
import { formatTextReprRequest, textReprRequestFor } from "./traceDetailTextReprRequest";

/** Traces with more nodes than this are formatted after the tab has painted (about half a second at 10,000). */
const DEFER_ABOVE_NODES = 2000;

export interface TraceDetailTextReprProps {
  node: TraceTreeNode;
  tree: TraceTree;
  trace?: LLMTrace | null;
  onSelectEvent?: (eventId: string) => void;
  highlightLines?: TextReprLineSelection | null;
}

/** The Text tab rendered locally: core's formatTextRepr over the tree, shown in TextReprView. */
export function TraceDetailTextRepr({ node, tree, trace, onSelectEvent, highlightLines }: TraceDetailTextReprProps) {
  const request = useMemo(() => textReprRequestFor(node, tree, trace), [node, tree, trace]);
  const defer = node === tree.root && tree.nodesByKey.size > DEFER_ABOVE_NODES;
  const immediate = useMemo(() => (defer ? null : formatTextReprRequest(request)), [defer, request]);
  const [later, setLater] = useState<{ request: unknown; result: TextReprResult } | null>(null);
  useEffect(() => {
    if (!defer) return;
    // A macrotask, so the click that opened the tab paints its loading state first.
    const timer = setTimeout(() => setLater({ request, result: formatTextReprRequest(request) }), 0);
    return () => clearTimeout(timer);
  }, [defer, request]);
  const result = defer ? (later?.request === request ? later.result : null) : immediate;
  return (
    <TextReprView
      text={result?.text}
      loading={!result}
      error={result?.error ? new Error(result.error.message) : undefined}
      onSelectEvent={onSelectEvent}
      highlightLines={highlightLines}
      label={`Text representation of ${node === tree.root ? "the trace" : node.name}`}
    />
  );
}
