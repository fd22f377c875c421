// Not imported statically anywhere: the local client loads it on first use (see clientTextReprLoader),
// so the text representation and its Python-compatible printing stay out of the main entry.
export { formatTextRepr } from "../core/textRepr";
export { eventTextReprInput, traceTextReprInput } from "../core/textRepr/textReprInput";
export { pyLen } from "../core/python/pyText";
