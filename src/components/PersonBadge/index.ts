export { PersonBadge } from "./PersonBadge";
export type { PersonBadgeProps } from "./PersonBadge";
