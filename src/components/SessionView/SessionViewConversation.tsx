import { useMemo } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { buildTraceTree, type TraceTree } from "../../core/trace";
import { TraceDetailConversation } from "../TraceDetail";
import { ErrorBoundary, ErrorState } from "../ui/ErrorState";
import { conversationNode } from "./sessionViewModel";

export interface SessionViewConversationProps {
  trace: LLMTrace;
}

/** One trace's conversation, drawn by TraceDetail's conversation view (same parsers, same safety). */
export function SessionViewConversation({ trace }: SessionViewConversationProps) {
  const built = useMemo((): { tree: TraceTree | null; error: unknown } => {
    try {
      return { tree: buildTraceTree(trace), error: null };
    } catch (error) {
      return { tree: null, error };
    }
  }, [trace]);
  if (!built.tree) return <ErrorState title="This trace could not be read" error={built.error} />;
  return (
    <ErrorBoundary title="The conversation could not be shown" resetKey={trace}>
      <TraceDetailConversation node={conversationNode(built.tree)} tree={built.tree} trace={trace} />
    </ErrorBoundary>
  );
}
