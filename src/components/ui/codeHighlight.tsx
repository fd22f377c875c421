/**
 * Syntax highlighting for SafeMarkdown's code blocks, loaded lazily (its own chunk: lowlight over
 * highlight.js with the languages model output uses most). lowlight returns a tree, not HTML: only
 * its text and its `hljs-*` class names reach the page, as React text and tracelens' own classes.
 */
import { createLowlight } from "lowlight";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import type { ReactNode } from "react";

const lowlight = createLowlight({ bash, css, diff, go, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml });

/** hljs scopes → tracelens colour classes (the theme's kind colours, as JsonView uses them). */
const SCOPE_CLASS: Record<string, string> = {
  keyword: "tl:text-(color:--tl-kind-trace)",
  literal: "tl:text-(color:--tl-kind-trace)",
  "selector-tag": "tl:text-(color:--tl-kind-trace)",
  string: "tl:text-(color:--tl-kind-generation)",
  regexp: "tl:text-(color:--tl-kind-generation)",
  addition: "tl:text-(color:--tl-kind-generation)",
  number: "tl:text-(color:--tl-kind-embedding)",
  symbol: "tl:text-(color:--tl-kind-embedding)",
  bullet: "tl:text-(color:--tl-kind-embedding)",
  comment: "tl:text-muted tl:italic",
  quote: "tl:text-muted tl:italic",
  meta: "tl:text-muted",
  title: "tl:text-accent",
  section: "tl:text-accent",
  name: "tl:text-accent",
  type: "tl:text-(color:--tl-kind-evaluation)",
  built_in: "tl:text-(color:--tl-kind-evaluation)",
  attr: "tl:text-(color:--tl-critical-path)",
  attribute: "tl:text-(color:--tl-critical-path)",
  variable: "tl:text-(color:--tl-critical-path)",
  property: "tl:text-(color:--tl-critical-path)",
  deletion: "tl:text-danger",
};

interface HastText {
  type: "text";
  value: string;
}
interface HastElement {
  type: "element";
  properties?: { className?: unknown };
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string; children?: HastNode[] };

function classOf(node: HastElement): string | undefined {
  const names = Array.isArray(node.properties?.className) ? (node.properties.className as unknown[]) : [];
  for (const name of names) {
    const scope = typeof name === "string" ? name.replace(/^hljs-/, "") : "";
    if (SCOPE_CLASS[scope]) return SCOPE_CLASS[scope];
  }
  return undefined;
}

function toReact(nodes: readonly HastNode[], key: string): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return (node as HastText).value;
    if (node.type === "element") {
      const element = node as HastElement;
      return (
        <span key={`${key}${i}`} className={classOf(element)}>
          {toReact(element.children, `${key}${i}.`)}
        </span>
      );
    }
    return null;
  });
}

/** The code as coloured React nodes, or null for a language not bundled here. */
export function highlightCode(code: string, language: string): ReactNode[] | null {
  const name = language.toLowerCase();
  if (!lowlight.registered(name)) return null;
  return toReact(lowlight.highlight(name, code).children as HastNode[], "");
}
