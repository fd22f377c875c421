export { SessionView, type SessionViewProps } from "./SessionView";
export { SessionViewTraceList, type SessionViewTraceListProps } from "./SessionViewTraceList";
export { SessionViewConversation, type SessionViewConversationProps } from "./SessionViewConversation";
// The session hooks live with the other hooks (main entry); re-exported for imports from `tracelens/trace`.
export { useSessionSummaries, SESSION_SUMMARIES_IN_FLIGHT, type SessionSummaries } from "../../hooks/useSessionSummaries";
