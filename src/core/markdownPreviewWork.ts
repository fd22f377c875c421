/**
 * A count of the characters `markdownPreview` looks at, kept so a property test can check that the work
 * stays linear in the input on hostile text (a count, not a timing: it cannot fail at random). Not exported
 * from any entry.
 */
export const previewWork = { steps: 0 };
