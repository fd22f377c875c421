import { useId, useState, type CSSProperties, type FormEvent } from "react";
import { SentimentBar } from "../src/all";
import { useLocalSentiment, type ClassifierStatus, type SentimentClassifier } from "../src/inference";

/** The conversation the story starts with: two clear user moods around an assistant turn. */
export const SAMPLE_CONVERSATION = [
  "system: You are a helpful support assistant.",
  "user: My export has failed three times now. This is useless and I'm really annoyed.",
  "assistant: Sorry about that! I've restarted the export job for you.",
  "user: It worked, thank you so much! Great support.",
].join("\n");

type Role = "system" | "user" | "assistant";

/**
 * One message per `role:` line (user, assistant or system); lines without a prefix continue the
 * previous message, or start a user message.
 */
export function parseConversation(text: string): Array<{ role: Role; content: string }> {
  const messages: Array<{ role: Role; content: string }> = [];
  for (const line of text.split("\n")) {
    const match = /^\s*(user|assistant|system)\s*:\s?(.*)$/i.exec(line);
    if (match) messages.push({ role: match[1]!.toLowerCase() as Role, content: match[2]! });
    else if (messages.length > 0) messages[messages.length - 1]!.content += `\n${line}`;
    else if (line.trim()) messages.push({ role: "user", content: line });
  }
  return messages.map((m) => ({ ...m, content: m.content.trim() })).filter((m) => m.content);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function ModelStatus({ status }: { status: ClassifierStatus }) {
  const files = Object.entries(status.progress.files);
  const label =
    status.state === "ready"
      ? `Model ready (${status.model.name}, ${status.model.runtime})`
      : status.state === "error"
        ? `Model failed to load: ${status.error.message}`
        : status.state === "loading"
          ? "Downloading the model…"
          : "The model loads on the first classification";
  return (
    <div style={{ display: "grid", gap: 4 }}>
      <progress
        aria-label="Model download"
        max={100}
        value={status.state === "idle" ? 0 : Math.round(status.progress.progress)}
        style={{ width: "100%" }}
      />
      <p role="status" style={{ margin: 0 }}>
        {label} — {kb(status.progress.loaded)} of {kb(status.progress.total)}
      </p>
      {files.length > 0 && (
        <ul aria-label="Model files" style={{ margin: 0, paddingLeft: 18, color: "var(--tl-fg-muted)", fontSize: 12 }}>
          {files.map(([file, bytes]) => (
            <li key={file}>
              {file}: {kb(bytes.loaded)} of {kb(bytes.total)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const box: CSSProperties = { border: "1px solid var(--tl-border)", borderRadius: 6, padding: 12, display: "grid", gap: 10 };

export interface LocalClassificationDemoProps {
  /** Pre-filled conversation. */
  initialConversation?: string;
  /** A classifier the host made (for example with its own model); otherwise the hook makes one. */
  classifier?: SentimentClassifier;
}

/** Type or paste a conversation, classify it in the browser, and see each user message's sentiment. */
export function LocalClassificationDemo({ initialConversation = SAMPLE_CONVERSATION, classifier }: LocalClassificationDemoProps) {
  const fieldId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState(initialConversation);
  const [input, setInput] = useState<unknown>(undefined);
  const result = useLocalSentiment({ classifier, input, preload: true });
  const submitted = Array.isArray(input) ? (input as Array<{ content: string }>) : [];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setInput(parseConversation(draft));
  };
  return (
    <div style={{ display: "grid", gap: 16, maxWidth: 640, fontFamily: "var(--tl-font-sans)" }}>
      <form onSubmit={onSubmit} style={box}>
        <label htmlFor={fieldId} style={{ fontWeight: 600 }}>
          Conversation
        </label>
        <textarea id={fieldId} aria-describedby={hintId} rows={7} value={draft} onChange={(e) => setDraft(e.target.value)} style={{ font: "inherit", padding: 6 }} />
        <p id={hintId} style={{ margin: 0, color: "var(--tl-fg-muted)", fontSize: 12 }}>
          One message per line, starting with <code>user:</code>, <code>assistant:</code> or <code>system:</code>. Only user messages
          are classified, as PostHog does; nothing leaves this browser.
        </p>
        <div>
          <button type="submit">Classify</button>
        </div>
      </form>
      <section aria-label="Model" style={box}>
        <ModelStatus status={result.status} />
      </section>
      <section aria-label="Results" aria-busy={result.state === "classifying"} style={box}>
        {result.state === "idle" && <p style={{ margin: 0 }}>Press Classify to score the user messages.</p>}
        {result.state === "classifying" && <p style={{ margin: 0 }}>Classifying…</p>}
        {result.state === "error" && <p role="alert">Classification failed: {result.error?.message}</p>}
        {result.state === "done" && result.messages && (
          <>
            <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
              <strong>Conversation</strong>
              <SentimentBar sentiment={result.generation} showValue />
            </div>
            <ol aria-label="User messages" style={{ margin: 0, paddingLeft: 18, display: "grid", gap: 8 }}>
              {Object.entries(result.messages).map(([index, message]) => (
                <li key={index} data-message-index={index}>
                  <span style={{ display: "block" }}>{submitted[Number(index)]?.content ?? message.text}</span>
                  <SentimentBar label={message.label} score={message.score} scores={message.scores} variant="stacked" size="full" showValue />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
