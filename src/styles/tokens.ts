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
  // Event kinds (trace tree tags, timeline bars); dark enough in light mode to read on selected-bg.
  "kind-trace": ["#6d28d9", "#c4b5fd"],
  "kind-generation": ["#166534", "#4ade80"],
  "kind-span": ["#52525b", "#a1a1aa"],
  "kind-embedding": ["#92400e", "#fbbf24"],
  "kind-evaluation": ["#155e75", "#67e8f9"],
  /** Text drawn on a kind-coloured bar. */
  "on-kind": ["#ffffff", "#18181b"],
  "critical-path": ["#9a3412", "#fdba74"],
  "selected-bg": ["#dbeafe", "rgb(96 165 250 / 0.22)"],
  "highlight-bg": ["#fef08a", "rgb(250 204 21 / 0.30)"],
  "highlight-border": ["#a16207", "#facc15"],
  "danger-subtle": ["#fef2f2", "rgb(248 113 113 / 0.12)"],
  // Message cards, tinted by role.
  "tint-user": ["#f4f4f5", "#27272a"],
  "tint-assistant": ["#eff6ff", "rgb(96 165 250 / 0.10)"],
  "tint-output": ["#f0fdf4", "rgb(74 222 128 / 0.08)"],
  "tint-tool": ["#fffbeb", "rgb(251 191 36 / 0.08)"],
  "tint-system": ["#f5f3ff", "rgb(167 139 250 / 0.10)"],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

/** Tokens that do not change with the colour scheme. */
export const TRACELENS_STATIC_TOKENS = {
  "font-sans": 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  "font-mono": "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  radius: "0.375rem",
} as const;

export type TraceLensToken = keyof typeof TRACELENS_TOKENS | keyof typeof TRACELENS_STATIC_TOKENS;
