export { SessionView, type SessionViewProps } from "./SessionView";
export { SessionViewView, type SessionViewViewProps } from "./SessionViewView";
export { SessionViewConversation, type SessionViewConversationProps } from "./SessionViewConversation";
export { useSessionSummaries, SESSION_SUMMARIES_IN_FLIGHT, type SessionSummaries } from "./useSessionSummaries";
