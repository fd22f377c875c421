// The formatter is about a third of the main entry, and only the local client's text_repr and summaries
// need it, both already async: it loads with the first of them.
type TextReprModule = typeof import("./clientTextRepr");

let loading: Promise<TextReprModule> | undefined;

/** The text representation module; a failed load is not remembered, so the next call tries again. */
export function loadTextRepr(): Promise<TextReprModule> {
  loading ??= import("./clientTextRepr").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
