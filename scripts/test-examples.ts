/**
 * `npm run test:examples`: every ```ts/```tsx example in README.md, the guides (stories/**\/*.mdx) and
 * docs/*.md typechecks, with no cast, against the built package, as a user's project would import it. Needs `npm run build`
 * first (CI runs it right after the build). Exits 1 on any problem, with file:line for each.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkDocExamples, extractDocExamples, type DocExample } from "./docExamples";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function filesEndingWith(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesEndingWith(full, ending);
    return entry.name.endsWith(ending) ? [full] : [];
  });
}

const missing = ["dist/index.d.ts", "dist/trace.d.ts", "dist/tables.d.ts", "dist/core/index.d.ts"].filter((file) => !existsSync(path.join(root, file)));
if (missing.length > 0) {
  console.error(`The examples are checked against the built types, and ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing: run \`npm run build\` first.`);
  process.exit(1);
}

const documents = [path.join(root, "README.md"), ...filesEndingWith(path.join(root, "stories"), ".mdx").sort(), ...filesEndingWith(path.join(root, "docs"), ".md").sort()];
const examples: DocExample[] = documents.flatMap((file) => extractDocExamples(readFileSync(file, "utf8"), path.relative(root, file)));
const problems = checkDocExamples(examples, root);

const failed = new Set(problems.map((problem) => problem.example));
for (const example of examples) console.log(`${failed.has(example) ? "✗" : "✓"} ${example.file}:${example.line} (${example.lang}${example.preamble ? ", with preamble" : ""})`);
for (const problem of problems) console.error(`\n${problem.at}\n  ${problem.message.replace(/\n/g, "\n  ")}`);
console.log(`\n${examples.length - failed.size} of ${examples.length} examples typecheck against dist/ (${documents.length} documents).`);
if (examples.length === 0) {
  console.error("No examples found: the extraction is broken.");
  process.exit(1);
}
process.exit(problems.length > 0 ? 1 : 0);
