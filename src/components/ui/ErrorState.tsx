import { Component, forwardRef, useEffect, useState, type ComponentPropsWithoutRef, type ErrorInfo, type ReactNode, type Ref } from "react";
import { cn } from "./cn";

/** A readable message from anything thrown or returned as an error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message;
  if (error && typeof error === "object" && "error" in error && typeof error.error === "string") return error.error;
  return "Unknown error";
}

export interface ErrorStateProps extends Omit<ComponentPropsWithoutRef<"div">, "title"> {
  /** Headline. @default "Something went wrong" */
  title?: ReactNode;
  /** The error; its message is shown under the title. */
  error?: unknown;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  /** How long the server asked to wait before a retry; read from `error.retryAfterMs` when omitted. */
  retryAfterMs?: number | null;
}

/** How long the server asked to wait (`Retry-After`, as an ApiError's `retryAfterMs`); 0 when it did not. */
export function retryAfterOf(error: unknown): number {
  const value = error && typeof error === "object" ? (error as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/** "45 s", "3 min", "2 h": a wait in words short enough for a button. */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Seconds left before a retry may be sent, counting down from when this error arrived. */
function useRetryWait(error: unknown, override: number | null | undefined): number {
  const waitMs = override !== undefined && override !== null ? Math.max(0, override) : retryAfterOf(error);
  const [since, setSince] = useState<{ error: unknown; deadline: number }>(() => ({ error, deadline: waitMs ? Date.now() + waitMs : 0 }));
  const deadline = since.error === error ? since.deadline : waitMs ? Date.now() + waitMs : 0;
  if (since.error !== error) setSince({ error, deadline });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= deadline) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline ? Math.max(0, Math.ceil((deadline - now) / 1000)) : 0;
}

/**
 * An inline error box with the error's message and an optional retry. When the server said how long to
 * wait (`Retry-After`), "Try again" counts that wait down and only then becomes available.
 */
export const ErrorState = forwardRef(function ErrorState(
  { title = "Something went wrong", error, onRetry, retryAfterMs, className, children, ...rest }: ErrorStateProps,
  ref: Ref<HTMLDivElement>,
) {
  const waitSeconds = useRetryWait(error, retryAfterMs);
  return (
    <div
      role="alert"
      {...rest}
      ref={ref}
      data-slot="error-state"
      className={cn(
        "tl:flex tl:flex-col tl:items-start tl:gap-1 tl:rounded-tl tl:border tl:border-danger tl:bg-(color:--tl-danger-subtle) tl:p-3 tl:text-sm",
        className,
      )}
    >
      <strong className="tl:text-danger">{title}</strong>
      {error !== undefined && <span className="tl:break-words tl:text-fg">{errorMessage(error)}</span>}
      {children}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          disabled={waitSeconds > 0}
          data-retry-wait={waitSeconds > 0 ? waitSeconds : undefined}
          className="tl:mt-1 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-0.5 tl:text-xs tl:text-fg tl:cursor-pointer tl:disabled:cursor-not-allowed tl:disabled:text-muted tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          {waitSeconds > 0 ? `Try again in ${formatWait(waitSeconds)}` : "Try again"}
        </button>
      )}
    </div>
  );
});
ErrorState.displayName = "ErrorState";

export interface ErrorBoundaryProps {
  /** What failed, for the message: "The conversation could not be shown". */
  title?: ReactNode;
  /** Changing this clears a caught error (e.g. the selected event id). */
  resetKey?: unknown;
  onError?: (error: unknown, info: ErrorInfo) => void;
  children?: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  resetKey: unknown;
  failed: boolean;
}

/** Keeps one panel's crash from taking the rest of the component down; shows the error instead. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey, failed: false };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    if (!Object.is(props.resetKey, state.resetKey)) return { resetKey: props.resetKey, error: null, failed: false };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorState
        title={this.props.title ?? "This part could not be shown"}
        error={this.state.error}
        onRetry={() => this.setState({ error: null, failed: false })}
      />
    );
  }
}
