/** The `ERROR:` section of generations and embeddings. */
import { pyStr } from "../python/pyRepr";
import { checkPyDepth, isPyDict, pyGet, pyItems, pyTruthy } from "../python/pyValue";
import { loadsCatching } from "./textReprContent";
import { pushAll } from "./textReprMessages";
import { SEPARATOR } from "./textReprTypes";

/** YAML-like lines: `key: value` with Python `str` scalars, nested containers two spaces deeper. */
function yamlLines(value: unknown, indent: number): string[] {
  checkPyDepth(indent);
  const pad = "  ".repeat(indent);
  const lines: string[] = [];
  const entries: Array<[string, unknown]> = isPyDict(value)
    ? pyItems(value).map(([k, v]) => [`${pad}${pyStr(k)}`, v])
    : (value as unknown[]).map((v) => [`${pad}-`, v]);
  for (const [label, v] of entries) {
    if (isPyDict(v) || Array.isArray(v)) {
      lines.push(isPyDict(value) ? `${label}:` : label);
      pushAll(lines, yamlLines(v, indent + 1));
    } else {
      lines.push(isPyDict(value) ? `${label}: ${pyStr(v)}` : `${label} ${pyStr(v)}`);
    }
  }
  return lines;
}

/**
 * Present when `$ai_error` or `$ai_is_error` is truthy. A dict (or a str holding a JSON object)
 * is shown as YAML-like lines, any other truthy error with `str()`, else a generic sentence.
 */
export function formatErrorSection(props: unknown): string[] {
  const error = pyGet(props, "$ai_error");
  if (!pyTruthy(error) && !pyTruthy(pyGet(props, "$ai_is_error"))) return [];
  let structured: unknown = error;
  if (typeof error === "string") {
    const parsed = loadsCatching(error, ["JSONDecodeError", "ValueError"]);
    if (isPyDict(parsed)) structured = parsed;
  }
  const lines = ["", SEPARATOR, "", "ERROR:", ""];
  if (isPyDict(structured) && pyTruthy(structured)) pushAll(lines, yamlLines(structured, 0));
  else if (pyTruthy(error)) lines.push(pyStr(error));
  else lines.push("An error occurred (no details available)");
  lines.push("");
  return lines;
}
