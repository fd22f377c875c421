import { useMemo, useState } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { CopyButton } from "../ui/CopyButton";
import { JsonView } from "../ui/JsonView";
import { estimateJsonChars, formatSize, safeStringify } from "../ui/jsonViewModel";

/** Above this estimated size the Raw tab asks before drawing (Langfuse gates at 2M characters too). */
export const RAW_JSON_GATE_CHARS = 2_000_000;

/** What the Raw tab shows for a node: its event, or for a root without one the trace minus its events. */
export function rawValueOf(node: TraceTreeNode, tree: TraceTree, trace: LLMTrace | null | undefined): unknown {
  if (node.event) return node.event;
  if (node === tree.root && trace) {
    const { events, ...rest } = trace;
    return { ...rest, events: `[${Array.isArray(events) ? events.length : 0} events, shown in the tree]` };
  }
  return { key: node.key, kind: node.kind, name: node.name };
}

export interface TraceDetailRawProps {
  node: TraceTreeNode;
  tree: TraceTree;
  trace?: LLMTrace | null;
  highlight?: string;
  /** Size gate in characters. @default RAW_JSON_GATE_CHARS */
  gateChars?: number;
}

/** The event as JSON, collapsed to depth 2; very large events wait behind a "Show anyway" gate. */
export function TraceDetailRaw({ node, tree, trace, highlight, gateChars = RAW_JSON_GATE_CHARS }: TraceDetailRawProps) {
  const value = useMemo(() => rawValueOf(node, tree, trace), [node, tree, trace]);
  const size = useMemo(() => estimateJsonChars(value, gateChars), [value, gateChars]);
  const [forced, setForced] = useState(false);
  if (size > gateChars && !forced) {
    return (
      <div role="note" data-slot="raw-size-gate" className="tl:flex tl:flex-col tl:items-start tl:gap-2 tl:rounded-tl tl:border tl:border-border tl:p-3 tl:text-sm">
        <p className="tl:m-0">
          This event's JSON is over {formatSize(gateChars)}. Drawing it may be slow; strings stay cut and long lists paged.
        </p>
        <div className="tl:flex tl:gap-2">
          <button
            type="button"
            onClick={() => setForced(true)}
            className={SMALL_BUTTON}
          >
            Show anyway
          </button>
          <CopyButton value={() => safeStringify(value)} label="Copy JSON" />
        </div>
      </div>
    );
  }
  return <JsonView value={value} defaultExpandDepth={2} highlight={highlight} rootName={node.event ? "event" : "trace"} />;
}
