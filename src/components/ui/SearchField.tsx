import { forwardRef, useId, type ComponentPropsWithoutRef, type Ref } from "react";
import { cn } from "./cn";

export interface SearchFieldProps extends Omit<ComponentPropsWithoutRef<"input">, "onChange" | "value" | "type"> {
  value: string;
  onChange: (next: string) => void;
  /** Accessible label (also the placeholder unless one is given). @default "Search" */
  label?: string;
}

/** A labelled search box; Escape clears it. */
export const SearchField = forwardRef(function SearchField(
  { value, onChange, label = "Search", placeholder, className, onKeyDown, ...rest }: SearchFieldProps,
  ref: Ref<HTMLInputElement>,
) {
  const id = useId();
  return (
    <span data-slot="search-field" className={cn("tl:inline-flex tl:min-w-0", className)}>
      <label htmlFor={id} className="tl:sr-only">
        {label}
      </label>
      <input
        {...rest}
        ref={ref}
        id={id}
        type="search"
        value={value}
        placeholder={placeholder ?? label}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (event.key === "Escape" && value) {
            event.preventDefault();
            onChange("");
          }
        }}
        className={cn(
          "tl:w-56 tl:min-w-0 tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:px-2 tl:py-1 tl:text-xs tl:text-fg",
          "tl:placeholder:text-muted tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
        )}
      />
    </span>
  );
});
SearchField.displayName = "SearchField";
