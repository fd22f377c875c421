import { Component, forwardRef, type ComponentPropsWithoutRef, type ErrorInfo, type ReactNode, type Ref } from "react";
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
}

/** An inline error box with the error's message and an optional retry. */
export const ErrorState = forwardRef(function ErrorState(
  { title = "Something went wrong", error, onRetry, className, children, ...rest }: ErrorStateProps,
  ref: Ref<HTMLDivElement>,
) {
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
          className="tl:mt-1 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-0.5 tl:text-xs tl:text-fg tl:cursor-pointer tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          Try again
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
