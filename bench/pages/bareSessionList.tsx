/**
 * The peer of bench:freeze's session scenario: the plain way to show a session, every trace as one list
 * item (title, time, the user's first words), nothing virtualized or paged. No tracelens code.
 */
import type { LLMTrace } from "../../src/core";

const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function firstWords(trace: LLMTrace): string {
  const input = trace.events?.[0]?.properties?.$ai_input;
  const first = Array.isArray(input) ? (input[0] as { content?: unknown } | undefined) : undefined;
  return typeof first?.content === "string" ? first.content.slice(0, 200) : "";
}

export function BareSessionList({ traces }: { traces: readonly LLMTrace[] }) {
  const ordered = [...traces].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return (
    <ol>
      {ordered.map((trace, i) => (
        <li key={trace.id}>
          <strong>
            {i + 1}. {trace.traceName ?? trace.id}
          </strong>{" "}
          <time dateTime={trace.createdAt}>{time.format(Date.parse(trace.createdAt))}</time>
          <p>{firstWords(trace)}</p>
        </li>
      ))}
    </ol>
  );
}
