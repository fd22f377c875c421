/**
 * tracelens' design tokens. Each becomes three CSS variables: `--tl-<name>-light` and `--tl-<name>-dark`
 * (set on :root; override them on any ancestor to re-theme) and `--tl-<name>` (what components read,
 * mapped on each component root to the light or dark value). theme.css is generated from this table
 * by `npm run build:theme`, and a test keeps the two in step.
 */
export const TRACELENS_TOKENS = {
  bg: ["#ffffff", "#18181b"],
  "bg-subtle": ["#f4f4f5", "#27272a"],
  fg: ["#18181b", "#f4f4f5"],
  "fg-muted": ["#52525b", "#a1a1aa"],
  border: ["#d4d4d8", "#3f3f46"],
  focus: ["#2563eb", "#60a5fa"],
  accent: ["#1d4ed8", "#93c5fd"],
  "tooltip-bg": ["#18181b", "#f4f4f5"],
  "tooltip-fg": ["#fafafa", "#18181b"],
  "sentiment-track": ["#e4e4e7", "rgb(255 255 255 / 0.14)"],
  "sentiment-positive": ["#15803d", "#4ade80"],
  "sentiment-neutral": ["#a1a1aa", "#a1a1aa"],
  "sentiment-negative": ["#dc2626", "#f87171"],
  danger: ["#b91c1c", "#fca5a5"],
  warning: ["#b45309", "#fcd34d"],
  skeleton: ["#e4e4e7", "#3f3f46"],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

/** Tokens that do not change with the colour scheme. */
export const TRACELENS_STATIC_TOKENS = {
  "font-sans": 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  "font-mono": "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  radius: "0.375rem",
} as const;

export type TraceLensToken = keyof typeof TRACELENS_TOKENS | keyof typeof TRACELENS_STATIC_TOKENS;
